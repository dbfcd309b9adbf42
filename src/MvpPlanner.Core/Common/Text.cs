namespace MvpPlanner.Core.Common;

public static class Text
{
    /// <summary>Trims and turns null into empty, so " " never passes as a name and lists never show null.</summary>
    public static string Clean(string? value) => (value ?? "").Trim();

    public static string Plural(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
