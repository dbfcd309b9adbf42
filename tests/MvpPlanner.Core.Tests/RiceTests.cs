using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class RiceTests
{
    [Theory]
    [InlineData(400, 2, 80, 3, 213.3)]
    [InlineData(250, 3, 70, 4, 131.3)]
    [InlineData(250, 1, 80, 1, 200.0)]
    [InlineData(300, 0.5, 50, 0.5, 150.0)]
    [InlineData(10, 0.25, 100, 7, 0.4)]
    [InlineData(0, 3, 100, 1, 0.0)]
    [InlineData(100, 1, 0, 1, 0.0)]
    public void Score_AllInputs_IsReachTimesImpactTimesConfidenceOverEffortToOneDecimal(int reach, double impact, int confidence, double effort, double expected)
    {
        Rice.Score(reach, impact, confidence, effort).ShouldBe(expected);
    }

    [Fact]
    public void Score_ExactlyHalfwayAtSecondDecimal_RoundsUpLikeASpreadsheet()
    {
        // 1 × 0.25 × 100 % ÷ 1 = 0.25: a team checking the backlog in a spreadsheet sees ROUND(0.25; 1) = 0.3.
        Rice.Score(1, 0.25, 100, 1).ShouldBe(0.3);
        Rice.Score(3, 0.25, 100, 2).ShouldBe(0.4);
    }

    [Theory]
    [InlineData(null, 1.0, 50, 1.0)]
    [InlineData(10, null, 50, 1.0)]
    [InlineData(10, 1.0, null, 1.0)]
    [InlineData(10, 1.0, 50, null)]
    [InlineData(10, 1.0, 50, 0.0)]
    public void Score_MissingInputOrZeroEffort_IsNull(int? reach, double? impact, int? confidence, double? effort)
    {
        Rice.Score(reach, impact, confidence, effort).ShouldBeNull();
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void Validator_ImpactOnScale_IsAccepted(double impact)
    {
        var result = new FeaturePriorityInputValidator().Validate(new FeaturePriorityInput { Reach = 1, Impact = impact, Confidence = 50, Effort = 1 });

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validator_ImpactOffScale_IsRefusedOnImpact()
    {
        var result = new FeaturePriorityInputValidator().Validate(new FeaturePriorityInput { Impact = 0.7 });

        result.Errors.Select(e => e.PropertyName).ShouldBe([nameof(FeaturePriorityInput.Impact)]);
    }

    [Fact]
    public void Validator_ConfidenceAbove100_IsRefusedOnConfidence()
    {
        var result = new FeaturePriorityInputValidator().Validate(new FeaturePriorityInput { Confidence = 101 });

        result.Errors.Select(e => e.PropertyName).ShouldBe([nameof(FeaturePriorityInput.Confidence)]);
    }

    [Fact]
    public void Validator_NegativeReach_IsRefusedOnReach()
    {
        var result = new FeaturePriorityInputValidator().Validate(new FeaturePriorityInput { Reach = -1 });

        result.Errors.Select(e => e.PropertyName).ShouldBe([nameof(FeaturePriorityInput.Reach)]);
    }

    [Fact]
    public void Validator_ZeroEffort_IsRefusedOnEffort()
    {
        var result = new FeaturePriorityInputValidator().Validate(new FeaturePriorityInput { Effort = 0 });

        result.Errors.Select(e => e.PropertyName).ShouldBe([nameof(FeaturePriorityInput.Effort)]);
    }

    [Fact]
    public void Validator_AllRiceInputsEmpty_IsAccepted()
    {
        new FeaturePriorityInputValidator().Validate(new FeaturePriorityInput()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task UpdatePriorityAsync_OffScaleInputs_RefusedPerFieldAndNothingSaved()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Catalogue");
        var read = (await features.ListAsync(planId)).Single();

        var input = read.ToPriorityInput();
        input.Reach = -5;
        input.Impact = 0.7;
        input.Confidence = 101;
        input.Effort = 0;
        var result = await features.UpdatePriorityAsync(planId, featureId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Reach", "Impact", "Confidence", "Effort"], ignoreOrder: true);
        var now = (await features.ListAsync(planId)).Single();
        now.Reach.ShouldBeNull();
        now.Version.ShouldBe(read.Version);
    }

    [Fact]
    public async Task FeatureRow_RiceScore_MatchesRiceScoreOfSavedInputs()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Catalogue");
        var read = (await features.ListAsync(planId)).Single();
        read.RiceScore.ShouldBeNull();

        var input = read.ToPriorityInput();
        input.Reach = 250;
        input.Impact = 3;
        input.Confidence = 70;
        input.Effort = 4;
        (await features.UpdatePriorityAsync(planId, featureId, input)).Status.ShouldBe(ResultStatus.Ok);

        var row = (await features.ListAsync(planId)).Single();
        row.RiceScore.ShouldBe(Rice.Score(250, 3, 70, 4));
        row.RiceScore.ShouldBe(131.3);
    }
}
