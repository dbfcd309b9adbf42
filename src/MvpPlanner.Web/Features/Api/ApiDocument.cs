using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace MvpPlanner.Web.Features.Api;

/// <summary>The OpenAPI 3.1 document at <c>/openapi/v1.json</c>: only the <c>/api/v1</c> endpoints, the bearer token
/// scheme, and an example for each resource (registered beside its endpoints with <see cref="ApiExamples.Add{T}"/>).</summary>
public static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "MvpPlanner API",
                Version = "v1",
                Description = "Plans, personas, problems, features, roadmap, outcomes, feedback and the operation behind an MVP. " +
                    "Authenticate with a personal access token (Authorization: Bearer mvpp_…) made on your account's API tokens page. " +
                    "Every error is an RFC 9457 problem. Items carry an ETag; send it back in If-Match to change or delete them. " +
                    "Guide with curl examples: docs/api.md.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "mvpp_ token",
                Description = "A personal access token from your account's API tokens page.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (ApiExamples.For(context.JsonTypeInfo.Type) is { } example)
            {
                var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, json)!];
            }

            return Task.CompletedTask;
        });
    }
}

/// <summary>Examples for the document's schemas, one per type, registered where the type's endpoints are mapped.</summary>
public static class ApiExamples
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> Examples = new();

    public static void Add<T>(T example)
        where T : notnull => Examples[typeof(T)] = example;

    public static object? For(Type type) => Examples.GetValueOrDefault(type);
}
