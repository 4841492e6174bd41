using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulator.Common;

/// <summary>
/// JSON settings of the emulated surface. Reading is case-sensitive (the platform is a Node.js API:
/// <c>Email</c> is not <c>email</c>), ignores unknown members, and refuses numbers in string fields. Writing
/// leaves null members out: the platform omits unset values rather than answering null (README, "Values before
/// anything sets them").
/// </summary>
public static class WireJson
{
    /// <summary>Options for request bodies and responses of <c>/inbox</c>.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    /// <summary>Applies the emulated surface's settings to <paramref name="options"/> (also used for HTTP JSON output).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        return options;
    }

    /// <summary>The JSON name of a property: its <see cref="JsonPropertyNameAttribute"/>, else camelCase.</summary>
    public static string NameOf(MemberInfo member) =>
        member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    /// <summary>
    /// The JSON path of a validator's member expression, e.g. <c>d => d.Contact!.Email</c> → <c>contact.email</c>;
    /// null for an expression that is not a member chain. The names <see cref="Common.WireValidator{T}"/> gives its rules.
    /// </summary>
    public static string? PathOf(MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression) =>
        MemberChain(expression) is { Count: > 0 } chain ? string.Join('.', chain.Select(NameOf))
        : member is null ? null : NameOf(member);

    /// <summary>The members a member-access expression reads, outermost first (<c>d => d.Contact!.Email</c> → Contact,
    /// Email; conversions skipped); empty for any other expression.</summary>
    public static IReadOnlyList<MemberInfo> MemberChain(System.Linq.Expressions.LambdaExpression? expression)
    {
        var members = new List<MemberInfo>();
        var node = expression?.Body;
        while (node is System.Linq.Expressions.MemberExpression or System.Linq.Expressions.UnaryExpression)
        {
            if (node is System.Linq.Expressions.UnaryExpression unary)
            {
                node = unary.Operand;
                continue;
            }

            var access = (System.Linq.Expressions.MemberExpression)node;
            members.Insert(0, access.Member);
            node = access.Expression;
        }

        return members;
    }

    /// <summary>
    /// Describes what the JSON value at <paramref name="path"/> (a System.Text.Json path such as
    /// <c>$.notes[0].title</c>) must be in a body of type <paramref name="root"/>, e.g. "must be a string".
    /// Appends the property's <see cref="WireHintAttribute"/>, if any. Returns null when the path cannot be followed.
    /// </summary>
    public static string? DescribeExpected(Type root, string path)
    {
        var type = root;
        PropertyInfo? last = null;
        // "$[0].profile" splits into "[0]" and "profile": a leading index steps into the root array's items.
        foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var bracket = segment.IndexOf('[');
            if (bracket >= 0)
            {
                name = segment[..bracket];
            }

            if (name.Length > 0)
            {
                last = type.GetProperties().FirstOrDefault(p => NameOf(p) == name);
                if (last is null)
                {
                    return null;
                }

                type = last.PropertyType;
            }

            for (var i = bracket; i >= 0 && i < segment.Length; i = segment.IndexOf('[', i + 1))
            {
                type = ElementType(type) ?? type;
            }
        }

        var expected = $"must be {Article(type)}";
        var hint = last?.GetCustomAttribute<WireHintAttribute>()?.Hint;
        return hint is null ? expected : $"{expected} ({hint})";
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type == typeof(string) ? null
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static string Article(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "a boolean (true or false)";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "an integer";
        }

        if (ElementType(type) is { } element)
        {
            return $"an array of {Plural(element)}";
        }

        return "an object";
    }

    private static string Plural(Type element) => Article(element) switch
    {
        "a string" => "strings",
        "an integer" => "integers",
        "a boolean (true or false)" => "booleans",
        _ => "objects",
    };
}

/// <summary>Extra words for the error raised when a client sends the wrong JSON type for this property.</summary>
/// <param name="hint">Shown in brackets after "must be a …".</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireHintAttribute(string hint) : Attribute
{
    /// <summary>The extra words.</summary>
    public string Hint { get; } = hint;
}
