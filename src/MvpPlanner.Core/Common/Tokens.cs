using System.Security.Cryptography;
using System.Text;

namespace MvpPlanner.Core.Common;

/// <summary>Unguessable link tokens: 256 random bits, URL-safe; only a SHA-256 hash is ever stored,
/// so a leaked database gives no working link.</summary>
public static class Tokens
{
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
