using System.Net.Mail;

namespace Emulator.Common;

/// <summary>Format checks shared by the validators of the emulated surface.</summary>
public static class WireFormats
{
    /// <summary>True when <paramref name="value"/> is a single address of the form local@domain.tld.</summary>
    public static bool IsEmail(string? value) =>
        value is not null
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.')
        && !address.Host.EndsWith('.');

    /// <summary>True when <paramref name="value"/> is an absolute http or https URL with a host.</summary>
    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;
}
