using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Common;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

public sealed class CircuitLimitsTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    [Fact]
    public void Circuit_MessageSizeLimit_TakesSeveralFullLengthFieldsEscaped()
    {
        // The circuit's hub is internal to Blazor: find its options by its type name.
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = factory.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        var hubOptions = (HubOptions)options.GetType().GetProperty(nameof(IOptions<HubOptions>.Value))!.GetValue(options)!;

        hubOptions.MaximumReceiveMessageSize.ShouldNotBeNull();
        hubOptions.MaximumReceiveMessageSize.Value.ShouldBeGreaterThanOrEqualTo(5 * TextLimits.Text * 6);
    }
}
