using System.Text.Json;
using System.Text.Json.Nodes;

// The ceiling the benchmark compares the emulator with: the same routes answering the same JSON from memory
// (a 20-chat page for the listings, the lead body deserialized and dropped for the PUT), with nothing stored.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

// The emulator's own page 1, saved by the benchmark (CEILING_PAGE).
var page = File.ReadAllBytes(Environment.GetEnvironmentVariable("CEILING_PAGE") ?? throw new InvalidOperationException("Set CEILING_PAGE."));
var ok = """{"success":true,"message":"ok","code":200}"""u8.ToArray();

app.MapGet("/inbox/direct/chats", (HttpContext http) => Results.Bytes(page, "application/json"));
app.MapPost("/inbox/users", async (HttpContext http) =>
{
    await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body);
    return Results.Bytes(page, "application/json");
});
app.MapPut("/inbox/direct/lead", async (HttpContext http) =>
{
    await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body);
    return Results.Bytes(ok, "application/json");
});
app.MapGet("/_emulator/health", () => Results.Text("""{"status":"Healthy"}""", "application/json"));
app.Run();
