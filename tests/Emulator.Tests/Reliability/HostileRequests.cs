using System.Text;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Reliability;

/// <summary>One generated request: method, path with query, headers, and raw body bytes (null for none).</summary>
public sealed record HostileRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body)
{
    /// <summary>A one-line description for failure messages (the body cut to 200 characters).</summary>
    public override string ToString() =>
        $"{Method} {Path} [{string.Join("; ", Headers.Select(h => $"{h.Name}: {Cut(h.Value, 40)}"))}] " +
        (Body is null ? "(no body)" : Cut(Encoding.UTF8.GetString(Body), 200));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>
/// Generates hostile requests across every endpoint of the emulated surface from a seed: wrong types, nulls, deep
/// nesting, huge strings, invalid UTF-8, lone surrogates, duplicate keys, extra and missing fields, bad query strings
/// and headers, odd methods and long URLs. Every request that could write carries at least one defect that must stop
/// it (an invalid token, body, field or id), so the data is the same before and after a run.
/// </summary>
public sealed class HostileRequests(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"];

    private static readonly string[] Junk =
    [
        "null", "true", "0", "-1", "1e309", "\"\"", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"",
        "[[[[[[[[[[]]]]]]]]]]", "\"" + new string('x', 5000) + "\"", "{\"$ref\":\"#\"}", "\"<script>\"", "\"' OR 1=1 --\"",
        "\"%00%ff\"", "\"ＵＮＩＣＯＤＥ\"", "123456789012345678901234567890", "\"2024-13-45T99:99:99Z\"",
    ];

    /// <summary>The next request.</summary>
    public HostileRequest Next() => _random.Next(9) switch
    {
        0 => Unauthenticated(),
        1 => Lead(),
        2 => Search(),
        3 => Import(),
        4 => Update(),
        5 => StatusUpdate(),
        6 => Chats(),
        7 => OddRoute(),
        _ => BrokenBody(),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string JunkValue() => Pick(Junk);

    private static List<(string, string)> Bearer(string token = EmulatorFactory.DevToken) =>
        [("Authorization", $"Bearer {token}"), ("authtype", "Key"), ("Content-Type", "application/json")];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private string Field() => Pick(new[] { "uuid", "botId", "customerId", "name", "email", "phone", "dialCode", "status", "tags", "notes", "attributes", "picture", "agentId", "page", "searchText", "profile", "ids", "x" });

    // Extra members and junk values around a core that the request cannot survive. Extras never name a member of the
    // core, nor a required member the core leaves out: with duplicate keys the last one wins, and either could repair it.
    private string Object(string core)
    {
        string[] required = ["uuid", "botId", "customerId", "ids"];
        var members = new List<string> { core };
        for (var i = _random.Next(4); i > 0; i--)
        {
            var field = Field();
            if (!required.Contains(field) && !core.Contains($"\"{field}\"", StringComparison.Ordinal))
            {
                members.Add($"\"{field}\":{JunkValue()}");
            }
        }

        return "{" + string.Join(",", members.OrderBy(_ => _random.Next())) + "}";
    }

    private HostileRequest Unauthenticated()
    {
        string[] tokens = ["", "Bearer", "Bearer ", "Bearer wrong", "Basic dXNlcjpwYXNz", "Bearer " + new string('t', 4000), $"Bearer {EmulatorFactory.DevToken} extra", "bearer\twrong"];
        var path = Pick(new[] { "/inbox/direct/lead", "/inbox/users", "/inbox/users/import", "/inbox/users/status-update", "/inbox/segments", "/inbox/direct/chats?botId=b&customerId=c&page=1&type=lead" });
        var headers = new List<(string, string)> { ("Authorization", Pick(tokens)), ("Content-Type", "application/json") };
        if (_random.Next(3) == 0)
        {
            headers.Add((Pick(new[] { "x-bp-token", "x-bot-token" }), Pick(new[] { "wrong", "", " ", new string('k', 300) })));
        }

        return new(Pick(new[] { "PUT", "POST", "GET" }), path, headers, Utf8(Object("\"uuid\":\"u\"")));
    }

    private HostileRequest Lead()
    {
        // Each core stops the write: a wrong type, a missing or invalid required field, or another customer (403).
        string[] cores =
        [
            "\"uuid\":5,\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\"",
            "\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\"",
            "\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"bbbbbbbbbbbbbbbbbbbbbbbb\",\"name\":\"x\"",
            "\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\",\"status\":\"open\"",
            "\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\",\"email\":\"not-an-email\"",
            "\"uuid\":\"" + new string('u', 129) + "\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\"",
            "\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\",\"agentId\":true",
            "\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\",\"tags\":[\"\"]",
            "\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\",\"notes\":[null]",
        ];
        var headers = _random.Next(2) == 0 ? Bearer() : [("x-bp-token", EmulatorFactory.DevToken), ("Content-Type", "application/json")];
        return new("PUT", "/inbox/direct/lead", headers, Utf8(Object(Pick(cores))));
    }

    private HostileRequest Search()
    {
        // Read-only: any body goes.
        var body = _random.Next(4) switch
        {
            0 => "{\"searchText\":" + JunkValue() + "}",
            1 => "{\"page\":" + Pick(new[] { "0", "-5", "\"x\"", "1.5", "99999999999", "\"7\"", "null" }) + "}",
            2 => "{\"createdAt\":{\"startAt\":" + JunkValue() + ",\"endsAt\":" + JunkValue() + "},\"tags\":" + JunkValue() + "}",
            _ => Object("\"applicableFilters\":[\"isOnline\",\"nope\"],\"isOnline\":" + JunkValue()),
        };
        return new("POST", "/inbox/users", Bearer(), Utf8(body));
    }

    private HostileRequest Import()
    {
        string[] items =
        [
            "{\"profile\":{\"userDetails\":{\"userProvidedName\":\"x\"}}}",
            "{\"profile\":{\"userDetails\":{\"contact\":{\"email\":\"bad\"}}}}",
            "null",
            "{\"profile\":{\"userDetails\":{\"contact\":{\"phone\":{\"number\":\"12a\"}}}}}",
            "{\"profile\":{\"userDetails\":{\"contact\":{\"email\":\"a@example.com\"},\"tags\":\"vip\"}}}",
        ];
        var body = _random.Next(5) == 0 ? "[]" : "[" + Pick(items) + (_random.Next(2) == 0 ? "," + JunkValue() : "") + "]";
        var path = _random.Next(3) == 0 ? "/inbox/users/import?botId=a&botId=b" : "/inbox/users/import";
        return new("POST", path, Bearer(), Utf8(body));
    }

    private HostileRequest Update()
    {
        // Unknown ids (404) or invalid fields (400): nothing is written either way.
        var id = Pick(new[] { "ffffffffffffffffffffffff", "%00", "..%2f..%2f", new string('a', 500), "status-update2", "\u00e9\u00e9" });
        var core = Pick(new[] { "\"status\":\"open\"", "\"whatsAppNumber\":\"abc\"", "\"profile\":{\"notes\":\"x\"}", "\"status\":\"OPEN\"" });
        return new("PUT", "/inbox/users/" + Uri.EscapeDataString(id), Bearer(), Utf8(Object(core)));
    }

    private HostileRequest StatusUpdate()
    {
        var body = Pick(new[]
        {
            "{\"ids\":[\"ffffffffffffffffffffffff\"],\"status\":\"DELETED\"}", "{\"ids\":[],\"status\":\"OPEN\"}",
            "{\"ids\":\"x\",\"status\":\"OPEN\"}", "{\"ids\":[null],\"status\":\"OPEN\"}", "{\"status\":\"DELETED\"}",
            "{\"ids\":[\"ffffffffffffffffffffffff\"],\"status\":\"deleted\"}",
        });
        return new("PUT", "/inbox/users/status-update", Bearer(), Utf8(body));
    }

    private HostileRequest Chats()
    {
        string[] values = ["", "1", "0", "-1", "abc", "%00", "%ff%fe", "lead", "non-lead", "LEAD", new string('9', 30), "1.5", "%E2%80%AE"];
        var query = string.Join("&", new[] { "botId", "customerId", "page", "type" }
            .Where(_ => _random.Next(5) > 0)
            .SelectMany(name => Enumerable.Repeat(name, _random.Next(8) == 0 ? 2 : 1))
            .Select(name => $"{name}={(name == "customerId" && _random.Next(2) == 0 ? "64b7f0c2a1d3e4f5a6b7c8d9" : Pick(values))}"));
        var headers = new List<(string, string)> { ("x-bot-token", EmulatorFactory.DevToken) };
        return new("GET", "/inbox/direct/chats?" + query, headers, null);
    }

    private HostileRequest OddRoute()
    {
        string[] paths =
        [
            "/inbox", "/inbox/", "/inbox/direct", "/inbox/users/a/b", "/whatsapp-automation/wa/send-message?apiKey=x",
            "/inbox/direct/lead/../chats", "/%2e%2e/etc/passwd", "/inbox/segments?" + new string('q', 3000) + "=1",
            "/INBOX/DIRECT/LEAD", "/inbox//users", "/inbox/users%00", "/v2/" + new string('p', 2000),
        ];
        return new(Pick(Methods), Pick(paths), Bearer(), _random.Next(2) == 0 ? null : Utf8("{}"));
    }

    private HostileRequest BrokenBody()
    {
        var text = Object("\"uuid\":\"u\",\"botId\":\"b\",\"customerId\":\"64b7f0c2a1d3e4f5a6b7c8d9\"");
        byte[] body = _random.Next(7) switch
        {
            0 => Utf8(text[..^1]),                                           // truncated
            1 => [.. Utf8("{\"uuid\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")], // invalid UTF-8
            2 => Utf8(new string('[', 100) + new string(']', 100)),            // too deep
            3 => Utf8("{\"uuid\":\"u\",\"uuid\":\"v\",\"botId\":5}"),         // duplicate keys, wrong type
            4 => Utf8("\u00ef\u00bb\u00bf" + text),                         // BOM written as text: not JSON
            5 => Utf8(text.Replace(":", "=")),
            _ => [.. Enumerable.Range(0, 64).Select(_ => (byte)_random.Next(256))],
        };
        var headers = Bearer();
        if (_random.Next(3) == 0)
        {
            headers[2] = ("Content-Type", Pick(new[] { "text/plain", "/json", "application/json; charset=latin1", "", "multipart/form-data" }));
        }

        return new(Pick(new[] { "PUT", "POST" }), Pick(new[] { "/inbox/direct/lead", "/inbox/users/import", "/inbox/users/status-update", "/inbox/users/ffffffffffffffffffffffff" }), headers, body);
    }
}
