using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Appraisal;

internal sealed record RunRow(int Id, int SchemeId, string SchemeCode, string SchemeTitle, int SchemeRevision, DateOnly From,
    DateOnly To, int RootUnitId, string? SubjectKind, RunStatus Status, int Edition, int SeriesId, DateTime CreatedAt,
    DateTime? PublishedAt);

internal sealed record ValueRow(CriterionKind Kind, decimal? Raw, int? Numerator, int? Denominator, decimal Contribution, string? Note);

internal sealed record ResultRow(int UnitId, string UnitCode, string UnitName, decimal Score, int Rank, Grade Grade,
    IReadOnlyList<ValueRow> Values);

internal sealed record EditionRow(int Id, int Edition, RunStatus Status, DateTime? PublishedAt);

internal sealed record RunDetail(RunRow Run, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<ResultRow> Results, IReadOnlyList<EditionRow> Editions, int Version);

internal sealed record ScorecardRow(RunRow Run, decimal Score, int Rank, int Of, Grade Grade, IReadOnlyList<ValueRow> Values);

internal sealed record Scorecard(int UnitId, string UnitCode, string UnitName, IReadOnlyList<ScorecardRow> Runs);

/// <summary>
/// Reads appraisals: the list of runs, one run with its ranking and every criterion of every unit,
/// and a unit's scorecard over the runs. Rankings are open to every reader (ADR 0019).
/// </summary>
internal sealed class ReadAppraisal(IDbContextFactory<ReformDbContext> factory)
{
    public async Task<IReadOnlyList<RunRow>> ListAsync(int? schemeId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, r => schemeId == null || r.SchemeId == schemeId).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.To).ThenBy(r => r.SchemeCode, StringComparer.Ordinal)
            .ThenByDescending(r => r.Status == RunStatus.Published).ThenByDescending(r => r.Id).ToList();
    }

    public async Task<RunDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, r => r.Id == id).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFound("AppraisalRun", id);
        var scheme = await ManageSchemes.LoadAsync(db, row.SchemeId, cancellationToken);
        var results = await db.AppraisalResults.AsNoTracking().Where(r => r.RunId == id).ToListAsync(cancellationToken);
        var values = (await db.AppraisalValues.AsNoTracking().Where(v => v.RunId == id).ToListAsync(cancellationToken))
            .ToLookup(v => v.UnitId);
        var order = scheme.Criteria.ToDictionary(c => c.Kind, c => c.SortOrder);
        var editions = await db.AppraisalRuns.AsNoTracking()
            .Where(r => r.Id == row.SeriesId || r.FirstRunId == row.SeriesId)
            .OrderBy(r => r.Edition)
            .Select(r => new EditionRow(r.Id, r.Edition, r.Status, r.PublishedAt))
            .ToListAsync(cancellationToken);
        var version = await db.AppraisalRuns.Where(r => r.Id == id).Select(r => r.Version).FirstAsync(cancellationToken);
        return new RunDetail(row, scheme.ExcellentFrom, scheme.GoodFrom, scheme.PassFrom, ManageSchemes.Views(scheme),
            results.OrderBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
                .Select(r => new ResultRow(r.UnitId, r.UnitCode, r.UnitName, r.Score, r.Rank, r.Grade,
                    values[r.UnitId].OrderBy(v => order.GetValueOrDefault(v.Kind)).Select(ToRow).ToList()))
                .ToList(),
            editions, version);
    }

    /// <summary>The current editions (published, or drafts) in which the unit was appraised, newest period first.</summary>
    public async Task<Scorecard> ScorecardAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken)
                   ?? throw new NotFound("Unit", unitId);
        var results = await db.AppraisalResults.AsNoTracking()
            .Where(r => r.UnitId == unitId && db.AppraisalRuns.Any(x => x.Id == r.RunId && x.Status == RunStatus.Published))
            .ToListAsync(cancellationToken);
        var runIds = results.Select(r => r.RunId).ToList();
        var runs = await Rows(db, r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var sizes = await db.AppraisalResults.Where(r => runIds.Contains(r.RunId)).GroupBy(r => r.RunId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var values = (await db.AppraisalValues.AsNoTracking().Where(v => v.UnitId == unitId && runIds.Contains(v.RunId))
            .ToListAsync(cancellationToken)).ToLookup(v => v.RunId);
        return new Scorecard(unit.Id, unit.Code, unit.Name, results
            .OrderByDescending(r => runs[r.RunId].To).ThenBy(r => runs[r.RunId].SchemeCode, StringComparer.Ordinal)
            .Select(r => new ScorecardRow(runs[r.RunId], r.Score, r.Rank, sizes[r.RunId], r.Grade,
                values[r.RunId].OrderBy(v => v.Kind).Select(ToRow).ToList()))
            .ToList());
    }

    private static ValueRow ToRow(AppraisalValue v) => new(v.Kind, v.Raw, v.Numerator, v.Denominator, v.Contribution, v.Note);

    private static IQueryable<RunRow> Rows(ReformDbContext db, Expression<Func<AppraisalRun, bool>> filter) =>
        from r in db.AppraisalRuns.AsNoTracking().Where(filter)
        join s in db.AppraisalSchemes on r.SchemeId equals s.Id
        select new RunRow(r.Id, r.SchemeId, r.SchemeCode, s.Title, s.Revision, r.From, r.To, r.RootUnitId, r.SubjectKind,
            r.Status, r.Edition, r.FirstRunId ?? r.Id, r.CreatedAt, r.PublishedAt);
}
