using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Web.Features.Api;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Every API endpoint, found from the app's own routes (so a new one is covered without editing this test), against
/// every kind of caller: nobody, an outsider, a viewer, a read-only token. Bodies are the document's own examples.</summary>
public sealed partial class ApiRoleMatrixTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "100000" });
    private readonly Dictionary<string, string> _files = [];
    private int _planId;
    private int _workspaceId;

    public async Task InitializeAsync()
    {
        _planId = await _host.DemoPlanIdAsync();
        _workspaceId = await _host.DemoWorkspaceIdAsync();

        // Import endpoints take files, not JSON records: the demo plan's own exports are valid files to send.
        var ada = await _host.AdaClientAsync(canWrite: false);
        foreach (var file in (string[])["plan.json", "features.csv", "personas.csv", "problems.csv"])
        {
            _files[file] = await ada.GetStringAsync($"/api/v1/plans/{_planId}/export/{file}");
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WithoutToken_EveryEndpointAnswers401()
    {
        var anonymous = _host.Client(null);
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var response = await SendAsync(anonymous, endpoint);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task OutsidersToken_FindsNothingOfThePlan_OnAnyEndpoint()
    {
        var mallory = await _host.RegisterAsync("Mallory", "mallory@example.com");
        var own = await _host.DbAsync(db => db.WorkspaceMembers.Where(m => m.UserId == mallory).Select(m => m.WorkspaceId).FirstAsync());
        var api = _host.Client(await _host.CreateTokenAsync(mallory, [own], canWrite: true));
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.ReachesThePlan))
        {
            var response = await SendAsync(api, endpoint);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || body.Contains("Tool Library", StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{endpoint}: {(int)response.StatusCode} {Short(body)}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task ViewerMember_CanReadEverything_AndChangeNothing()
    {
        var vic = await _host.RegisterAsync("Vic", "vic@example.com");
        await _host.AddMemberAsync(_workspaceId, vic, WorkspaceRole.Viewer);
        var api = _host.Client(await _host.CreateTokenAsync(vic, [_workspaceId], canWrite: true));

        (await ReadsAndRefusedWritesAsync(api)).ShouldBeEmpty();
    }

    [Fact]
    public async Task OwnersReadOnlyToken_CanReadEverything_AndChangeNothing()
    {
        var api = await _host.AdaClientAsync(canWrite: false);

        (await ReadsAndRefusedWritesAsync(api)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryError_IsAProblemDocument()
    {
        var api = await _host.AdaClientAsync(canWrite: false);
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var response = await SendAsync(api, endpoint);
            if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{endpoint}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    private async Task<List<string>> ReadsAndRefusedWritesAsync(HttpClient api)
    {
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.ReachesThePlan))
        {
            var response = await SendAsync(api, endpoint);
            var status = (int)response.StatusCode;
            var ok = endpoint.Method == "GET"
                ? status is 200 or 404 // 404: the test's made-up item id
                : status == 403;
            if (!ok)
            {
                wrong.Add($"{endpoint}: {status} {Short(await response.Content.ReadAsStringAsync())}");
            }
        }

        return wrong;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiEndpoint endpoint)
    {
        var url = RouteParameter().Replace(endpoint.Route, match => match.Groups[1].Value switch
        {
            "planId" => _planId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "1",
        });
        url += (url.Contains('?') ? "&" : "?") + "workspaceId=" + _workspaceId;
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "PUT" or "DELETE" or "PATCH" or "POST")
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        if (_files.Keys.FirstOrDefault(f => endpoint.Route.EndsWith("/import/" + f, StringComparison.Ordinal) || (f == "plan.json" && endpoint.Route.EndsWith("/plans/import", StringComparison.Ordinal))) is { } file)
        {
            request.Content = new StringContent(_files[file], Encoding.UTF8, file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
        }
        else if (endpoint.RequestType is { } type)
        {
            var example = ApiExamples.For(type);
            example.ShouldNotBeNull($"{endpoint} takes a {type.Name} but the document has no example of it (ApiExamples.Add)");
            var json = _host.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = JsonSerializer.SerializeToNode(example, type, json)!;
            if (body is System.Text.Json.Nodes.JsonObject obj && obj.ContainsKey("workspaceId"))
            {
                obj["workspaceId"] = _workspaceId;
            }

            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, endpoint.ContentType ?? "application/json");
        }

        return await client.SendAsync(request);
    }

    private List<ApiEndpoint> Endpoints() =>
    [
        .. _host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new ApiEndpoint(
                method,
                RouteConstraint().Replace(e.RoutePattern.RawText!, "{$1}"),
                e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts && !accepts.IsOptional ? type : null,
                e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } typed ? typed.ContentTypes[0] : null))),
    ];

    private static string Short(string body) => body.Length > 200 ? body[..200] : body;

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();

    private sealed record ApiEndpoint(string Method, string Route, Type? RequestType, string? ContentType)
    {
        /// <summary>Endpoints that reach into a plan or a workspace (everything but the caller's own lists).</summary>
        public bool ReachesThePlan => Route.Contains("{planId}", StringComparison.Ordinal) || Method != "GET";

        public override string ToString() => $"{Method} {Route}";
    }
}
