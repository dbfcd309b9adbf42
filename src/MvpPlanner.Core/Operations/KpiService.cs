using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The KPIs that tell whether the operation delivers: their target and owner, measurements and reviews.</summary>
public class KpiService(
    PlanWriter writer,
    IValidator<KpiInput> validator,
    IValidator<MeasurementInput> measurementValidator,
    IValidator<ReviewInput> reviewValidator)
{
    internal static readonly Expression<Func<Kpi, KpiView>> View =
        k => new KpiView(k.Id, k.Name, k.Unit, k.Direction, k.Target, k.OwnerRoleId, k.Cadence, k.Version,
            k.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Select(m => new MeasurementView(m.Id, m.MeasuredOn, m.Value, m.Note)).ToList(),
            k.Reviews.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).Select(r => new ReviewView(r.Id, r.HeldOn, r.Notes)).ToList());

    public Task<KpiView?> GetAsync(int planId, int id, CancellationToken ct = default) =>
        PlanItemReads.OneAsync(writer, planId, id, View, ct);

    public Task<ServiceResult<int>> AddKpiAsync(int planId, KpiInput input, CancellationToken ct = default) =>
        writer.CreateAsync<Kpi, KpiInput>(planId, input, validator, Apply, "KPI", ct);

    public Task<ServiceResult> UpdateKpiAsync(int planId, int id, KpiInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<Kpi, KpiInput>(planId, id, input, input.Version, validator, Apply, "KPI", ct);

    /// <summary>The KPI goes to the trash with its measurements and reviews; restoring it brings them back.</summary>
    public Task<ServiceResult> DeleteKpiAsync(int planId, int id, CancellationToken ct = default) =>
        writer.DeleteAsync<Kpi>(planId, id, "KPI", ct);

    public Task<ServiceResult> RecordMeasurementAsync(int planId, int kpiId, MeasurementInput input, CancellationToken ct = default) =>
        ChangeKpiAsync(planId, kpiId, input, measurementValidator, (db, kpi) => db.KpiMeasurements.Add(new KpiMeasurement
        {
            KpiId = kpi.Id,
            MeasuredOn = DateOnly.FromDateTime(input.MeasuredOn!.Value),
            Value = input.Value!.Value,
            Note = Text.Clean(input.Note),
            RecordedById = db.ActingUser?.UserId,
        }), "Measurement recorded.", ct);

    public Task<ServiceResult> RecordReviewAsync(int planId, int kpiId, ReviewInput input, CancellationToken ct = default) =>
        ChangeKpiAsync(planId, kpiId, input, reviewValidator, (db, kpi) => db.KpiReviews.Add(new KpiReview
        {
            KpiId = kpi.Id,
            HeldOn = DateOnly.FromDateTime(input.HeldOn!.Value),
            Notes = Text.Clean(input.Notes),
            RecordedById = db.ActingUser?.UserId,
        }), "Review recorded.", ct);

    /// <summary>Adds a row to a KPI of this plan. The KPI is read in the writer's transaction, so one deleted meanwhile
    /// is "not found", not a foreign-key error on the new row.</summary>
    private Task<ServiceResult> ChangeKpiAsync<TInput>(int planId, int kpiId, TInput input, IValidator<TInput> inputValidator,
        Action<PlannerDbContext, Kpi> change, string message, CancellationToken ct) =>
        writer.WriteAsync(planId, input, inputValidator, async w =>
        {
            var kpi = await w.FindAsync<Kpi>(kpiId, ct: ct);
            if (kpi is null)
            {
                return ServiceResult.NotFound("The KPI");
            }

            change(w.Db, kpi);
            return ServiceResult.Ok(message);
        }, ct);

    private static async Task<ServiceResult> Apply(PlannerDbContext db, Kpi kpi, KpiInput input, CancellationToken ct)
    {
        if (input.OwnerRoleId is { } roleId && !await db.OperationRoles.AnyAsync(r => r.Id == roleId && r.PlanId == kpi.PlanId, ct))
        {
            return ServiceResult.Invalid(nameof(KpiInput.OwnerRoleId), "That role no longer exists. Choose another.");
        }

        kpi.Name = Text.Clean(input.Name);
        kpi.Unit = Text.Clean(input.Unit);
        kpi.Direction = input.Direction;
        kpi.Target = input.Target;
        kpi.OwnerRoleId = input.OwnerRoleId;
        kpi.Cadence = input.Cadence;
        return ServiceResult.Ok();
    }
}
