using System.Net;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Tests.Webhooks;

public class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("https://93.184.215.14/hooks/planner")]
    [InlineData("http://93.184.215.14:8080/hook?token=abc")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    public async Task CheckAsync_PublicAddress_IsAllowed(string url) =>
        (await WebhookAddressGuard.CheckAsync(url, allowPrivateAddresses: false, CancellationToken.None)).ShouldBeNull();

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.1.2.3:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://172.31.255.255/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[ff02::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/hook")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/hook")]
    public async Task CheckAsync_PrivateOrLocalAddress_IsRefusedUnlessAllowed(string url)
    {
        (await WebhookAddressGuard.CheckAsync(url, allowPrivateAddresses: false, CancellationToken.None))
            .ShouldNotBeNull().ShouldContain("private or local");
        (await WebhookAddressGuard.CheckAsync(url, allowPrivateAddresses: true, CancellationToken.None)).ShouldBeNull();
    }

    [Theory]
    [InlineData("ftp://93.184.215.14/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/hooks/planner")]
    [InlineData("93.184.215.14/hook")]
    [InlineData("")]
    [InlineData("http://user:pw@93.184.215.14/hook")]
    [InlineData("https://token@93.184.215.14/hook")]
    public async Task CheckAsync_NotAPlainHttpUrl_IsRefusedEvenWhenPrivateAddressesAreAllowed(string url) =>
        (await WebhookAddressGuard.CheckAsync(url, allowPrivateAddresses: true, CancellationToken.None)).ShouldNotBeNull();

    [Fact]
    public async Task CheckAsync_UrlLongerThanTheLimit_IsRefused() =>
        (await WebhookAddressGuard.CheckAsync("https://93.184.215.14/" + new string('a', WebhookAddressGuard.MaxUrlLength), true, CancellationToken.None))
            .ShouldNotBeNull();

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("172.15.255.255", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("fc00::1", false)]
    [InlineData("255.255.255.255", false)]
    public void IsPublic_Address_IsJudgedByItsRange(string address, bool expected) =>
        WebhookAddressGuard.IsPublic(IPAddress.Parse(address)).ShouldBe(expected);
}
