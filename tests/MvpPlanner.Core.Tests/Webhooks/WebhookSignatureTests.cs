using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Tests.Webhooks;

public class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"id":"a1.feature.created","event":"feature.created"}""";

    [Fact]
    public void Compute_KnownSecretTimestampAndBody_IsHexHmacSha256OfTimestampDotBody() =>
        // Reference value from: printf '%s' '1767225600.{"id":"a1.feature.created","event":"feature.created"}' | openssl dgst -sha256 -hmac whsec_test
        WebhookSignature.Compute(Secret, 1767225600, Body).ShouldBe("v1=" + ExpectedHex);

    [Fact]
    public void Verify_FreshUntouchedDelivery_IsAccepted()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1767225600);
        WebhookSignature.Verify(Secret, "1767225600", Body, "v1=" + ExpectedHex, now.AddMinutes(4), TimeSpan.FromMinutes(5)).ShouldBeTrue();
    }

    [Fact]
    public void Verify_ChangedBodyWrongSecretOrOldTimestamp_IsRefused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1767225600);
        var signature = "v1=" + ExpectedHex;
        WebhookSignature.Verify(Secret, "1767225600", Body.Replace("created", "deleted"), signature, now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("whsec_other", "1767225600", Body, signature, now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify(Secret, "1767225600", Body, signature, now.AddMinutes(6), TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify(Secret, "1767225601", Body, signature, now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }

    [Fact]
    public void NewSecret_EachCall_Is32RandomBytesAsText()
    {
        var first = WebhookSignature.NewSecret();
        first.ShouldMatch("^whsec_[0-9a-f]{64}$");
        WebhookSignature.NewSecret().ShouldNotBe(first);
    }

    private const string ExpectedHex = "54c7ffde2961cd15880d23e3e773529e37ec828db77fc142e5a0a7f8572a04ec";
}
