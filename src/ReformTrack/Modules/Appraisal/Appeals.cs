using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

internal sealed record AppealRequest(int UnitId, CriterionKind Kind, string? Reason, decimal? RequestedValue);

internal sealed record AppealDecision(decimal? CorrectedValue, string? Note);

internal sealed record AppealRow(int Id, int RunId, int UnitId, string UnitName, CriterionKind Kind, string Reason,
    decimal? RequestedValue, AppealStatus Status, string FiledBy, DateTime FiledAt, string? DecidedBy, DateTime? DecidedAt,
    string? Decision, decimal? CorrectedValue, int? NewRunId);

/// <summary>
/// Appeals against a published appraisal: a unit's user files one for a criterion of its own unit;
/// the office accepts it (a new published edition with the corrected value, the old one kept as
/// superseded, the other open appeals carried over) or rejects it with a reason.
/// </summary>
internal sealed class Appeals(IDbContextFactory<ReformDbContext> factory, ScopedDb scoped, UserScope scope, TimeProvider clock)
{
    public async Task<IReadOnlyList<AppealRow>> ListAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await scoped.CreateDbContextAsync(cancellationToken);
        var series = await db.AppraisalRuns.Where(r => r.Id == runId).Select(r => (int?)(r.FirstRunId ?? r.Id))
                         .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFound("AppraisalRun", runId);
        var runIds = db.AppraisalRuns.Where(r => r.Id == series || r.FirstRunId == series).Select(r => r.Id);
        return await db.AppraisalAppeals.AsNoTracking()
            .Where(a => runIds.Contains(a.RunId))
            .OrderByDescending(a => a.FiledAt).ThenByDescending(a => a.Id)
            .Select(a => new AppealRow(a.Id, a.RunId, a.UnitId,
                db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).First(), a.Kind, a.Reason, a.RequestedValue,
                a.Status, a.FiledBy, a.FiledAt, a.DecidedBy, a.DecidedAt, a.Decision, a.CorrectedValue, a.NewRunId))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> FileAsync(int runId, AppealRequest request, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var run = await db.AppraisalRuns.Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
                  ?? throw new NotFound("AppraisalRun", runId);
        if (run.Values.All(v => v.UnitId != request.UnitId || v.Kind != request.Kind))
        {
            throw new RuleViolation("AppealConcernsAnAppraisedCriterion",
                "The appeal names a unit and criterion of this appraisal.", "kind");
        }

        var path = await scope.PathAsync(cancellationToken);
        var unitPath = await db.Units.Where(u => u.Id == request.UnitId).Select(u => u.Path).FirstAsync(cancellationToken);
        if (path is not null && !unitPath.StartsWith(path, StringComparison.Ordinal))
        {
            throw new RuleViolation("UnitAppealsItsOwnScore", "A unit appeals only its own scores.", "unitId");
        }

        var appeal = AppraisalAppeal.File(run, request.UnitId, request.Kind, request.Reason, request.RequestedValue, by, clock.UtcNow());
        db.AppraisalAppeals.Add(appeal);
        await db.SaveChangesAsync(cancellationToken);
        return appeal.Id;
    }

    /// <summary>Accepts the appeal: returns the id of the new published edition.</summary>
    public async Task<int> AcceptAsync(int appealId, AppealDecision decision, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var appeal = await LoadAsync(db, appealId, cancellationToken);
        var corrected = decision.CorrectedValue ?? appeal.RequestedValue
                        ?? throw new RuleViolation("AcceptedAppealNamesTheCorrectedValue",
                            "Accepting an appeal needs the corrected value.", "correctedValue");
        var now = clock.UtcNow();
        appeal.Accept(corrected, decision.Note, by, now);

        var (run, scheme) = await ManageRuns.LoadAsync(db, appeal.RunId, cancellationToken);
        var next = run.NextEdition(by, now);
        run.Supersede();
        var value = next.Values.First(v => v.UnitId == appeal.UnitId && v.Kind == appeal.Kind);
        value.Raw = corrected;
        value.Note = Fields.Required($"#{appeal.Id}: {decision.Note ?? appeal.Reason}", AppraisalValue.NoteMaxLength, "note");
        next.Score(scheme, run.Results.ToDictionary(r => r.UnitId, r => (r.UnitCode, r.UnitName)));
        db.AppraisalRuns.Add(next);
        await db.SaveChangesAsync(cancellationToken);

        appeal.NewRunId = next.Id;
        var open = await db.AppraisalAppeals.Where(a => a.RunId == run.Id && a.Status == AppealStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var other in open)
        {
            other.RunId = next.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return next.Id;
    }

    public async Task RejectAsync(int appealId, string? reason, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var appeal = await LoadAsync(db, appealId, cancellationToken);
        appeal.Reject(reason, by, clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<AppraisalAppeal> LoadAsync(ReformDbContext db, int id, CancellationToken cancellationToken) =>
        await db.AppraisalAppeals.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFound("AppraisalAppeal", id);
}
