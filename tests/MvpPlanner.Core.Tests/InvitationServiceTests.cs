using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class InvitationServiceTests
{
    [Fact]
    public async Task CreateAsync_Token_HasAtLeast128RandomBitsAndOnlyItsHashIsStored()
    {
        await using var test = await TestDatabase.CreateAsync();

        var token = await CreateTokenAsync(test, new InvitationInput { Label = "For Sam" });

        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '='));
        (bytes.Length * 8).ShouldBeGreaterThanOrEqualTo(128);
        token.ShouldNotContain("=");
        await using var db = await test.NewContextAsync();
        var stored = await db.Invitations.AsNoTracking().SingleAsync();
        stored.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        var everything = await AllStoredValuesAsync(test);
        everything.ShouldContain(stored.TokenHash);
        everything.ShouldNotContain(value => value.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_TwoInvitations_GetDifferentTokens()
    {
        await using var test = await TestDatabase.CreateAsync();

        var first = await CreateTokenAsync(test, new InvitationInput());
        var second = await CreateTokenAsync(test, new InvitationInput());

        first.ShouldNotBe(second);
    }

    [Fact]
    public async Task PreviewAsync_ValidToken_ShowsWorkspaceNameAndRole()
    {
        await using var test = await TestDatabase.CreateAsync();
        var token = await CreateTokenAsync(test, new InvitationInput { Role = WorkspaceRole.Viewer });
        test.ActAs(null);

        var preview = await test.Get<InvitationService>().PreviewAsync(token);

        preview.ShouldBe(new InvitationPreview(InvitationState.Valid, "Test workspace", WorkspaceRole.Viewer));
    }

    [Theory]
    [InlineData(InvitationState.Expired, "expired")]
    [InlineData(InvitationState.Revoked, "revoked")]
    [InlineData(InvitationState.UsedUp, "already been used")]
    [InlineData(InvitationState.Unknown, "not valid")]
    public async Task AcceptAsync_InvitationNoLongerValid_IsInvalidWithMessageAndCallerNotMember(InvitationState state, string explains)
    {
        await using var test = await TestDatabase.CreateAsync();
        var token = await InvitationInStateAsync(test, state);
        var joiner = await test.CreateUserAsync("Jo Joiner");
        test.ActAs(null);
        var preview = await test.Get<InvitationService>().PreviewAsync(token);
        test.ActAs(joiner);

        var result = await test.Get<InvitationService>().AcceptAsync(token);

        preview.ShouldBe(new InvitationPreview(state, null, null));
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe(InvitationService.InvalidMessage(state));
        result.Message!.ShouldContain(explains);
        result.ErrorsFor("Token").ShouldNotBeEmpty();
        (await test.Get<WorkspaceService>().ListMineAsync()).ShouldBeEmpty();
        await ShouldNotBeMemberAsync(test, joiner);
    }

    [Fact]
    public async Task AcceptAsync_ValidToken_JoinsWithInvitedRoleAndSeesThePlans()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Tool library");
        var token = await CreateTokenAsync(test, new InvitationInput { Role = WorkspaceRole.Viewer });
        var joiner = await test.CreateUserAsync("Jo Joiner");
        test.ActAs(joiner);

        var result = await test.Get<InvitationService>().AcceptAsync(token);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ShouldBe(test.WorkspaceId);
        result.Message.ShouldBe("You joined \"Test workspace\" as Viewer.");
        (await test.Get<WorkspaceService>().ListMineAsync()).ShouldHaveSingleItem().MyRole.ShouldBe(WorkspaceRole.Viewer);
        (await test.Get<PlanService>().GetOverviewAsync(planId))!.MyRole.ShouldBe(WorkspaceRole.Viewer);
    }

    [Fact]
    public async Task AcceptAsync_NotSignedIn_IsForbiddenAndUsesNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var token = await CreateTokenAsync(test, new InvitationInput());
        test.ActAs(null);

        var result = await test.Get<InvitationService>().AcceptAsync(token);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("Please sign in to accept the invitation.");
        test.ActAs(test.Owner);
        (await test.Get<InvitationService>().ListAsync(test.WorkspaceId)).ShouldHaveSingleItem().Uses.ShouldBe(0);
    }

    [Fact]
    public async Task AcceptAsync_MaxUsesThree_LetsThreeJoinAndRefusesTheFourth()
    {
        await using var test = await TestDatabase.CreateAsync();
        var token = await CreateTokenAsync(test, new InvitationInput { Role = WorkspaceRole.Editor, MaxUses = 3 });
        var people = new List<Caller>();
        for (var i = 1; i <= 4; i++)
        {
            people.Add(await test.CreateUserAsync($"Participant {i}"));
        }

        var results = new List<ServiceResult>();
        foreach (var person in people)
        {
            test.ActAs(person);
            results.Add(await test.Get<InvitationService>().AcceptAsync(token));
        }

        results.Select(r => r.Status).ShouldBe([ResultStatus.Ok, ResultStatus.Ok, ResultStatus.Ok, ResultStatus.Invalid]);
        results[3].Message.ShouldBe(InvitationService.InvalidMessage(InvitationState.UsedUp));
        test.ActAs(test.Owner);
        var members = await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId);
        members.Select(m => m.DisplayName).ShouldBe(["Olivia Owner", "Participant 1", "Participant 2", "Participant 3"], ignoreOrder: true);
        members.Where(m => m.DisplayName.StartsWith("Participant", StringComparison.Ordinal)).ShouldAllBe(m => m.Role == WorkspaceRole.Editor);
        var invitation = (await test.Get<InvitationService>().ListAsync(test.WorkspaceId)).ShouldHaveSingleItem();
        invitation.Uses.ShouldBe(3);
        invitation.State.ShouldBe(InvitationState.UsedUp);
    }

    [Fact]
    public async Task AcceptAsync_EditorAcceptsViewerInvitation_StaysEditorAndUseNotSpent()
    {
        await using var test = await TestDatabase.CreateAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var token = await CreateTokenAsync(test, new InvitationInput { Role = WorkspaceRole.Viewer });
        test.ActAs(editor);

        var result = await test.Get<InvitationService>().AcceptAsync(token);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<WorkspaceService>().GetAsync(test.WorkspaceId))!.MyRole.ShouldBe(WorkspaceRole.Editor);
        test.ActAs(test.Owner);
        (await test.Get<InvitationService>().ListAsync(test.WorkspaceId)).ShouldHaveSingleItem().Uses.ShouldBe(0);
    }

    [Fact]
    public async Task AcceptAsync_ViewerAcceptsEditorInvitation_BecomesEditor()
    {
        await using var test = await TestDatabase.CreateAsync();
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var token = await CreateTokenAsync(test, new InvitationInput { Role = WorkspaceRole.Editor });
        test.ActAs(viewer);

        var result = await test.Get<InvitationService>().AcceptAsync(token);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<WorkspaceService>().GetAsync(test.WorkspaceId))!.MyRole.ShouldBe(WorkspaceRole.Editor);
        test.ActAs(test.Owner);
        (await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task ManageInvitations_BelowOwner_IsForbiddenAndListEmpty(WorkspaceRole role)
    {
        await using var test = await TestDatabase.CreateAsync();
        var invitationId = await CreateInvitationAsync(test, new InvitationInput());
        var member = await test.CreateMemberAsync("Mia Member", role);
        test.ActAs(member);
        var invitations = test.Get<InvitationService>();

        var create = await invitations.CreateAsync(test.WorkspaceId, new InvitationInput { Role = WorkspaceRole.Owner });
        var revoke = await invitations.RevokeAsync(test.WorkspaceId, invitationId);
        var list = await invitations.ListAsync(test.WorkspaceId);

        create.Status.ShouldBe(ResultStatus.Forbidden);
        create.Value.ShouldBeNull();
        create.Message.ShouldBe("Only owners of this workspace can do that.");
        revoke.Status.ShouldBe(ResultStatus.Forbidden);
        list.ShouldBeEmpty();
        test.ActAs(test.Owner);
        (await invitations.ListAsync(test.WorkspaceId)).ShouldHaveSingleItem().State.ShouldBe(InvitationState.Valid);
    }

    [Fact]
    public async Task ListAsync_AsOwner_ShowsLabelRoleUsesAndState()
    {
        await using var test = await TestDatabase.CreateAsync();
        var invitations = test.Get<InvitationService>();
        var keptId = await CreateInvitationAsync(test, new InvitationInput { Label = "Workshop", Role = WorkspaceRole.Viewer, MaxUses = 20 });
        var revokedId = await CreateInvitationAsync(test, new InvitationInput { Label = "For Sam" });

        var revoke = await invitations.RevokeAsync(test.WorkspaceId, revokedId);
        var list = await invitations.ListAsync(test.WorkspaceId);

        revoke.Message.ShouldBe("Invitation revoked. The link no longer works.");
        var kept = list.Single(i => i.Id == keptId);
        (kept.Label, kept.Role, kept.MaxUses, kept.Uses, kept.State).ShouldBe(("Workshop", WorkspaceRole.Viewer, 20, 0, InvitationState.Valid));
        var revoked = list.Single(i => i.Id == revokedId);
        revoked.State.ShouldBe(InvitationState.Revoked);
        revoked.RevokedAt.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0, 7, nameof(InvitationInput.MaxUses), "An invitation works from 1 to 500 times.")]
    [InlineData(501, 7, nameof(InvitationInput.MaxUses), "An invitation works from 1 to 500 times.")]
    [InlineData(1, 0, nameof(InvitationInput.ExpiresInDays), "An invitation expires after 1 to 90 days.")]
    [InlineData(1, 91, nameof(InvitationInput.ExpiresInDays), "An invitation expires after 1 to 90 days.")]
    public async Task CreateAsync_OutOfRange_IsFieldErrorAndNothingCreated(int maxUses, int expiresInDays, string field, string message)
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<InvitationService>().CreateAsync(test.WorkspaceId, new InvitationInput { MaxUses = maxUses, ExpiresInDays = expiresInDays });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        result.ErrorsFor(field).ShouldBe([message]);
        (await test.Get<InvitationService>().ListAsync(test.WorkspaceId)).ShouldBeEmpty();
    }

    private static async Task<int> CreateInvitationAsync(TestDatabase test, InvitationInput input)
    {
        test.ActAs(test.Owner);
        var result = await test.Get<InvitationService>().CreateAsync(test.WorkspaceId, input);
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value!.Id;
    }

    private static async Task<string> CreateTokenAsync(TestDatabase test, InvitationInput input)
    {
        test.ActAs(test.Owner);
        var result = await test.Get<InvitationService>().CreateAsync(test.WorkspaceId, input);
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        result.Message.ShouldBe("Invitation created. Copy the link now: it is shown only once.");
        return result.Value!.Token;
    }

    /// <summary>A token whose invitation is in <paramref name="state"/>; the owner is acting afterwards.</summary>
    private static async Task<string> InvitationInStateAsync(TestDatabase test, InvitationState state)
    {
        switch (state)
        {
            case InvitationState.Expired:
            {
                var token = await CreateTokenAsync(test, new InvitationInput());
                await using var db = await test.NewContextAsync();
                var invitation = await db.Invitations.SingleAsync();
                invitation.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
                await db.SaveChangesAsync();
                return token;
            }

            case InvitationState.Revoked:
            {
                var token = await CreateTokenAsync(test, new InvitationInput());
                var id = (await test.Get<InvitationService>().ListAsync(test.WorkspaceId)).Single().Id;
                (await test.Get<InvitationService>().RevokeAsync(test.WorkspaceId, id)).Status.ShouldBe(ResultStatus.Ok);
                return token;
            }

            case InvitationState.UsedUp:
            {
                var token = await CreateTokenAsync(test, new InvitationInput { MaxUses = 1 });
                test.ActAs(await test.CreateUserAsync("First Taker"));
                (await test.Get<InvitationService>().AcceptAsync(token)).Status.ShouldBe(ResultStatus.Ok);
                test.ActAs(test.Owner);
                return token;
            }

            default:
                await CreateTokenAsync(test, new InvitationInput());
                return Tokens.Create();
        }
    }

    private static async Task ShouldNotBeMemberAsync(TestDatabase test, Caller person)
    {
        await using var db = await test.NewContextAsync();
        (await db.WorkspaceMembers.AnyAsync(m => m.UserId == person.UserId)).ShouldBeFalse();
    }

    /// <summary>Every value of every row of every table, as text.</summary>
    private static async Task<List<string>> AllStoredValuesAsync(TestDatabase test)
    {
        await using var db = await test.NewContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        // Every table of the model, whichever engine holds them.
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();

        tables.ShouldContain("Invitations");
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(reader.GetValue(i) switch
                    {
                        byte[] blob => Encoding.UTF8.GetString(blob),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    });
                }
            }
        }

        return values;
    }
}
