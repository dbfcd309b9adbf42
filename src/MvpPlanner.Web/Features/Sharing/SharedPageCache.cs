using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using MvpPlanner.Core.Sharing;

namespace MvpPlanner.Web.Features.Sharing;

/// <summary>The shared page as bytes, ready to send: plain, Brotli and gzip, with the time the plan last changed.</summary>
public sealed record RenderedSharedPage(byte[] Html, byte[] Brotli, byte[] Gzip, DateTime LastUpdatedAt)
{
    public long Size => Html.Length + Brotli.Length + Gzip.Length;

    /// <summary>The best encoding the client accepts (Brotli, then gzip), or the plain page.</summary>
    public (byte[] Body, string? Encoding) For(IHeaderDictionary requestHeaders)
    {
        if (!StringWithQualityHeaderValue.TryParseList(requestHeaders.AcceptEncoding, out var accepted))
        {
            return (Html, null);
        }

        bool Accepts(string name) => accepted.Any(a => (a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || a.Value == "*") && a.Quality is null or > 0);
        return Accepts("br") ? (Brotli, "br") : Accepts("gzip") ? (Gzip, "gzip") : (Html, null);
    }
}

/// <summary>Renders a link's shared page once per plan version and serves the same bytes until the plan changes.
/// The key is the link's <see cref="OpenedShareLink.VersionStamp"/> (link, scope and the plan's content stamp), so a
/// change to the plan makes a new key at once and no link can ever be served another link's scope. Revoking a link
/// needs nothing here: the link is checked on every request before the cache is asked. Readers arriving while a
/// page renders wait for that one rendering instead of starting their own.</summary>
public sealed class SharedPageCache(IServiceProvider services, ILoggerFactory loggerFactory) : IDisposable
{
    /// <summary>About 200 large (500-feature) pages, all three encodings; least recently used go first.</summary>
    private const long CapacityBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = CapacityBytes });
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedSharedPage?>>> _rendering = new();

    /// <summary>The page for this link and plan version; <paramref name="load"/> reads the plan only on a miss.
    /// Null when the plan is gone.</summary>
    public async Task<RenderedSharedPage?> GetAsync(OpenedShareLink link, Func<Task<SharedPlanView?>> load)
    {
        var key = link.VersionStamp;
        if (_pages.TryGetValue(key, out RenderedSharedPage? page))
        {
            return page;
        }

        var rendering = _rendering.GetOrAdd(key, k => new Lazy<Task<RenderedSharedPage?>>(() => RenderAndKeepAsync(k, load)));
        try
        {
            return await rendering.Value;
        }
        finally
        {
            _rendering.TryRemove(KeyValuePair.Create(key, rendering));
        }
    }

    private async Task<RenderedSharedPage?> RenderAndKeepAsync(string key, Func<Task<SharedPlanView?>> load)
    {
        var view = await load();
        if (view is null)
        {
            return null;
        }

        var html = Encoding.UTF8.GetBytes(await RenderAsync(view));
        var page = new RenderedSharedPage(html, Compress(html, s => new BrotliStream(s, CompressionLevel.Optimal)),
            Compress(html, s => new GZipStream(s, CompressionLevel.Optimal)), view.LastUpdatedAt);
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Size, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return page;
    }

    private async Task<string> RenderAsync(SharedPlanView view)
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(SharedPlanPage.View)] = view });
            var output = await renderer.RenderComponentAsync<SharedPlanPage>(parameters);
            return output.ToHtmlString();
        });
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> encoder)
    {
        using var buffer = new MemoryStream();
        using (var stream = encoder(buffer))
        {
            stream.Write(data);
        }

        return buffer.ToArray();
    }

    public void Dispose() => _pages.Dispose();
}
