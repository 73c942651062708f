using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

/// <param name="RootUnitId">The units appraised are this unit's direct children; null: the top of the tree.</param>
/// <param name="SubjectKind">Only children of this kind (e.g. DistrictOffice); null: all of them.</param>
internal sealed record RunRequest(int SchemeId, DateOnly From, DateOnly To, int? RootUnitId = null, UnitKind? SubjectKind = null);

/// <summary>
/// Computes a draft appraisal: the scheme's criteria over the period for the units under the root,
/// their raw values stored with the run, scored, ranked and graded. A period already published for
/// the scheme's code is locked.
/// </summary>
internal sealed class RunAppraisal(IDbContextFactory<ReformDbContext> factory, AppraisalFigures figures, TimeProvider clock)
{
    public async Task<int> RunAsync(RunRequest request, string by, CancellationToken cancellationToken = default)
    {
        AppraisalRun.CheckPeriod(request.From, request.To);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scheme = await ManageSchemes.LoadAsync(db, request.SchemeId, cancellationToken);
        await CheckUnlockedAsync(db, scheme.Code, request.From, request.To, null, cancellationToken);

        var root = request.RootUnitId is { } rootId
            ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == rootId, cancellationToken)
              ?? throw References.Missing("unit", rootId, "rootUnitId")
            : await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(cancellationToken)
              ?? throw new RuleViolation("AppraisalHasUnitsToScore", "There are no units to appraise.", "rootUnitId");
        var kind = request.SubjectKind;
        var subjects = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == root.Id && (kind == null || u.Kind == kind))
            .OrderBy(u => u.Code)
            .Select(u => new AppraisalSubject(u.Id, u.Code, u.Name, u.Path))
            .ToListAsync(cancellationToken);
        if (subjects.Count == 0)
        {
            throw new RuleViolation("AppraisalHasUnitsToScore", "There are no units to appraise.", "rootUnitId");
        }

        var run = new AppraisalRun
        {
            SchemeId = scheme.Id,
            SchemeCode = scheme.Code,
            From = request.From,
            To = request.To,
            RootUnitId = root.Id,
            SubjectKind = kind?.ToString(),
            CreatedAt = clock.UtcNow(),
            CreatedBy = by,
            Values = await figures.ComputeAsync(db, scheme, subjects, request.From, request.To, clock.Today(), cancellationToken),
        };
        run.Score(scheme, subjects.ToDictionary(s => s.Id, s => (s.Code, s.Name)));
        db.AppraisalRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>A period published for a scheme code is locked: no other run of the code may cover any of its days.</summary>
    public static async Task CheckUnlockedAsync(ReformDbContext db, string schemeCode, DateOnly from, DateOnly to, int? seriesId,
        CancellationToken cancellationToken)
    {
        var locked = await db.AppraisalRuns.AnyAsync(r => r.SchemeCode == schemeCode && r.Status != RunStatus.Draft
                                                          && r.From <= to && from <= r.To
                                                          && (seriesId == null || (r.Id != seriesId && r.FirstRunId != seriesId)),
            cancellationToken);
        if (locked)
        {
            throw new RuleViolation("AppraisalPeriodIsLocked",
                "An appraisal of this scheme has been published for this period; the period is locked.", "from");
        }
    }
}
