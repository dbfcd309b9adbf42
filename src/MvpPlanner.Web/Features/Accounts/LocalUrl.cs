namespace MvpPlanner.Web.Features.Accounts;

public static class LocalUrl
{
    /// <summary>Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere.</summary>
    public static string OrHome(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "/";
        }

        var path = url.StartsWith('/') ? url : "/" + url;
        return path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal)
            ? "/"
            : path;
    }
}
