using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>The published OpenAPI document is what a developer builds against: it must be valid and describe every endpoint.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Document_IsValidOpenApi31_ReadableWithoutSigningIn()
    {
        var response = await _host.Client(null).GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.1");
        var read = await OpenApiDocument.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "json", new OpenApiReaderSettings());
        read.Diagnostic!.Errors.ShouldBeEmpty();
        read.Document!.Components!.SecuritySchemes!.ShouldContainKey("bearer");
    }

    [Fact]
    public async Task Document_ListsEveryApiEndpoint_WithAnOperationIdAndSummary()
    {
        var endpoints = _host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(5);

        using var json = JsonDocument.Parse(await _host.Client(null).GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        var missing = new List<string>();
        foreach (var (path, method) in endpoints)
        {
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
            {
                missing.Add($"{method.ToUpperInvariant()} {path}");
                continue;
            }

            operation.TryGetProperty("operationId", out _).ShouldBeTrue($"{method} {path} has no operationId (WithName)");
            operation.TryGetProperty("summary", out _).ShouldBeTrue($"{method} {path} has no summary (WithSummary)");
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryRequestBodySchema_HasAnExample()
    {
        using var json = JsonDocument.Parse(await _host.Client(null).GetStringAsync("/openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        var withoutExample = new List<string>();
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var content)
                    && content.GetProperty("schema").TryGetProperty("$ref", out var reference))
                {
                    var name = reference.GetString()!.Split('/')[^1];
                    if (!schemas.GetProperty(name).TryGetProperty("examples", out _))
                    {
                        withoutExample.Add(name);
                    }
                }
            }
        }

        withoutExample.Distinct().ShouldBeEmpty();
    }

    [Fact]
    public async Task ReferencePage_NeedsSignIn_AndOpensForASignedInPerson()
    {
        (await _host.Client(null).GetAsync("/api/docs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var ada = await _host.Factory.SignedInAsync();
        var (status, body) = await ada.GetAsync("/api/docs/");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("openapi/v1.json");
    }

    /// <summary>"/api/v1/plans/{planId:int}" → "/api/v1/plans/{planId}", as the document writes paths; no trailing slash.</summary>
    private static string Normalize(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/');
}
