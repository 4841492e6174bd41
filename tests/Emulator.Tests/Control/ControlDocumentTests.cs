using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class ControlDocumentTests
{
    public static TheoryData<string, string, string> RequestExamples()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "emulator.json")))!;
        var examples = new TheoryData<string, string, string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (!path.Contains('{') && operation!["requestBody"]?["content"]?["application/json"]?["example"] is { } example)
                {
                    examples.Add(method, path, example.ToJsonString());
                }
            }
        }

        return examples;
    }

    [Fact]
    public void The_document_shows_request_examples_for_the_control_surface() =>
        Assert.True(RequestExamples().Count() >= 6, "Swagger UI should show an example body for each control call that takes one.");

    [Theory]
    [MemberData(nameof(RequestExamples))]
    public async Task Every_request_example_Swagger_UI_shows_works_as_shown_on_a_fresh_emulator(string method, string path, string example)
    {
        await using var emulator = new EmulatorFactory();
        var reply = await emulator.Control().SendRawAsync(new HttpMethod(method.ToUpperInvariant()), path, example);
        Assert.True((int)reply.Status is >= 200 and < 300, $"{method} {path} answered {(int)reply.Status}: {reply.Text}");
    }

    [Fact]
    public async Task Unknown_control_paths_are_404_problems()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Control().GetAsync("/_emulator/nothing-here")).ExpectProblem(System.Net.HttpStatusCode.NotFound);
    }
}
