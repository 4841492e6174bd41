namespace Emulator.Health;

/// <summary>A server address as a client on the same machine calls it.</summary>
public static class ListenAddress
{
    /// <summary>
    /// <paramref name="address"/> (<c>http://+:8080</c>, <c>http://[::]:8080</c>, <c>http://0.0.0.0:9090</c>, as in
    /// <c>ASPNETCORE_URLS</c> or Kestrel's listening addresses), parsed by ASP.NET Core's <see cref="BindingAddress"/>,
    /// with a wildcard host replaced by <c>localhost</c>; no trailing slash.
    /// </summary>
    /// <exception cref="FormatException">Not an address ASP.NET Core can listen on.</exception>
    public static string Local(string address)
    {
        var parsed = BindingAddress.Parse(address);
        var host = parsed.Host is "+" or "*" or "0.0.0.0" or "[::]" or "::" ? "localhost" : parsed.Host;
        return $"{parsed.Scheme}://{host}:{parsed.Port}{parsed.PathBase}";
    }
}
