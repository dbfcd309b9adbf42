using System.Net;
using System.Text.RegularExpressions;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>An HttpClient that keeps cookies and fills the statically rendered account forms the way a browser does,
/// antiforgery token included.</summary>
public sealed partial class BrowserLikeClient(HttpClient client)
{
    public HttpClient Http { get; } = client;

    public static BrowserLikeClient Create(PlannerWebApplicationFactory factory) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<HttpResponseMessage> RegisterAsync(string name, string email, string password = "correcthorse1", string? query = null) =>
        await (await OpenRegisterFormAsync(name, email, password, query))();

    /// <summary>Opens the registration form now and returns its submit for later: for several people who all opened
    /// the form before any of them sent it.</summary>
    public Task<Func<Task<HttpResponseMessage>>> OpenRegisterFormAsync(string name, string email, string password = "correcthorse1", string? query = null) =>
        OpenFormAsync($"/account/register{query}", "register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = "correcthorse1") =>
        await PostFormAsync("/account/login", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields) =>
        await (await OpenFormAsync(url, formName, fields))();

    public async Task<Func<Task<HttpResponseMessage>>> OpenFormAsync(string url, string formName, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {url}.");
        }

        var content = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return () => Http.PostAsync(url, new FormUrlEncodedContent(content));
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
