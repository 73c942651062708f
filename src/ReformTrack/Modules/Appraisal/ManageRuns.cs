using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

internal sealed record AdjustmentRequest(int UnitId, decimal Points, string? Reason);

/// <summary>The office's work on a draft run: manual adjustments (each with a reason), then publishing it.</summary>
internal sealed class ManageRuns(IDbContextFactory<ReformDbContext> factory, TimeProvider clock)
{
    public async Task AdjustAsync(int runId, AdjustmentRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (run, scheme) = await LoadAsync(db, runId, cancellationToken);
        run.EnsureDraft();
        if (scheme.Criteria.All(c => c.Kind != CriterionKind.ManualAdjustment))
        {
            throw new RuleViolation("SchemeAllowsAdjustments", "This scheme has no manual adjustment criterion.", "unitId");
        }

        var value = run.Values.FirstOrDefault(v => v.UnitId == request.UnitId && v.Kind == CriterionKind.ManualAdjustment)
                    ?? throw References.Missing("appraised unit", request.UnitId, "unitId");
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new RuleViolation("AdjustmentNeedsReason", "A manual adjustment is made only with a reason.", "reason");
        }

        value.Raw = request.Points;
        value.Note = Fields.Required(request.Reason, AppraisalValue.NoteMaxLength, "reason");
        Rescore(run, scheme);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishAsync(int runId, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (run, scheme) = await LoadAsync(db, runId, cancellationToken);
        run.EnsureDraft();
        await RunAppraisal.CheckUnlockedAsync(db, run.SchemeCode, run.From, run.To, run.Id, cancellationToken);
        run.Publish(by, clock.UtcNow(), scheme.Status);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<(AppraisalRun Run, AppraisalScheme Scheme)> LoadAsync(ReformDbContext db, int runId,
        CancellationToken cancellationToken)
    {
        var run = await db.AppraisalRuns.Include(r => r.Results).Include(r => r.Values).AsSplitQuery()
                      .FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
                  ?? throw new NotFound("AppraisalRun", runId);
        return (run, await ManageSchemes.LoadAsync(db, run.SchemeId, cancellationToken));
    }

    /// <summary>Scores the run again from its stored values, keeping the units' names as they were snapshotted.</summary>
    public static void Rescore(AppraisalRun run, AppraisalScheme scheme) =>
        run.Score(scheme, run.Results.ToDictionary(r => r.UnitId, r => (r.UnitCode, r.UnitName)));
}
