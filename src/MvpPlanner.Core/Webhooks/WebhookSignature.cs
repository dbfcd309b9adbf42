using System.Security.Cryptography;
using System.Text;

namespace MvpPlanner.Core.Webhooks;

/// <summary>The X-MvpPlanner-Signature header: <c>v1=</c> and the hex HMAC-SHA256 of "{timestamp}.{body}", keyed with the
/// hook's secret (its UTF-8 text, as shown to the owner). The timestamp is in the signed text, so an old delivery
/// replayed later fails a receiver's age check.</summary>
public static class WebhookSignature
{
    public const string Prefix = "v1=";

    public static string Compute(string secret, long timestamp, string body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>What a receiver does: recompute, compare in constant time, and refuse a timestamp older than
    /// <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string timestampHeader, string body, string signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }

    /// <summary>A new secret: 32 random bytes, as text a receiver can paste into its configuration.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
