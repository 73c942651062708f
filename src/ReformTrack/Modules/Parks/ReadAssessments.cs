using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Parks;

public sealed record RoundRow(int Id, string Title, DateOnly AssessedOn, RoundStatus Status, int StandardId, string StandardCode,
    int StandardRevision, string StandardTitle, int ParkCount);

internal sealed record EvidenceRef(int Id, string FileName);

internal sealed record CriterionResult(string Key, string Name, StandardRule Rule, decimal Weight, decimal? Raw, decimal Points,
    bool BelowThreshold, int? AssessorScoreId, string? Note, IReadOnlyList<EvidenceRef> Evidence);

internal sealed record ParkResult(int ParkId, string ParkName, decimal Score, int Rank, Grade Grade,
    IReadOnlyList<CriterionResult> Criteria);

public sealed record RectificationView(int Id, int ParkId, string ParkName, string CriterionKey, string CriterionName, int IssueId,
    string Description, DateOnly DueOn, IssueStatus Status, int DaysOverdue, int EscalationLevel);

internal sealed record RoundDetail(int Id, string Title, DateOnly AssessedOn, RoundStatus Status, DateTime? FinalisedAt,
    string? FinalisedBy, StandardDetail Standard, int ParkCount, IReadOnlyList<ParkResult> Results,
    IReadOnlyList<RectificationView> Rectifications, int Version);

internal sealed record TrendPoint(int RoundId, string Title, DateOnly AssessedOn, RoundStatus Status, decimal Score, int Rank,
    int ParkCount, Grade Grade);

/// <summary>A park's standardisation assessments: its latest round in full and its score across rounds.</summary>
internal sealed record ParkAssessmentHistory(int ParkId, RoundDetail? Latest, IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// Reads assessment rounds: the list, one round's ranking with each park's criteria breakdown (live while
/// open, as kept once finalised) and rectification items, and one park's trend across rounds. The caller
/// sees the parks of their scope; ranks are over the whole round.
/// </summary>
internal sealed class ReadAssessments(IDbContextFactory<ReformDbContext> factory, ScopedDb scopedDb, ChiefLookup chiefs)
{
    public async Task<IReadOnlyList<RoundRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AssessmentRounds.AsNoTracking()
            .OrderByDescending(r => r.AssessedOn).ThenByDescending(r => r.Id)
            .Join(db.Standards.AsNoTracking(), r => r.StandardId, s => s.Id, (r, s) => new RoundRow(r.Id, r.Title, r.AssessedOn,
                r.Status, s.Id, s.Code, s.Revision, s.Title, db.AssessedParks.Count(p => p.RoundId == r.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<RoundDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var scoped = await scopedDb.CreateDbContextAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var round = await db.AssessmentRounds.AsNoTracking().Include(r => r.Parks).Include(r => r.AssessorScores).Include(r => r.Values)
                        .FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
                    ?? throw new NotFound("AssessmentRound", id);
        var parkIds = round.Parks.Select(p => p.ParkId).ToList();
        var visible = (await scoped.Parks.Where(p => parkIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        return await DetailAsync(db, round, visible, cancellationToken);
    }

    /// <summary>The park's latest round in full (only the park's own results) and its score in every round, oldest first.</summary>
    public async Task<ParkAssessmentHistory> ForParkAsync(int parkId, CancellationToken cancellationToken = default)
    {
        await using (var scoped = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            if (!await scoped.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
            {
                throw new NotFound("Park", parkId);
            }
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rounds = await db.AssessmentRounds.AsNoTracking().Include(r => r.Parks).Include(r => r.AssessorScores).Include(r => r.Values)
            .Where(r => r.Parks.Any(p => p.ParkId == parkId))
            .ToListAsync(cancellationToken);
        var details = new List<RoundDetail>();
        foreach (var round in rounds.OrderBy(r => r.AssessedOn).ThenBy(r => r.Id))
        {
            details.Add(await DetailAsync(db, round, new HashSet<int> { parkId }, cancellationToken));
        }

        var trend = details.Select(d => (d, r: d.Results.Single()))
            .Select(x => new TrendPoint(x.d.Id, x.d.Title, x.d.AssessedOn, x.d.Status, x.r.Score, x.r.Rank, x.d.ParkCount, x.r.Grade))
            .ToList();
        return new ParkAssessmentHistory(parkId, details.LastOrDefault(), trend);
    }

    private async Task<RoundDetail> DetailAsync(ReformDbContext db, AssessmentRound round, IReadOnlySet<int> visible,
        CancellationToken cancellationToken)
    {
        var standard = await ManageStandards.LoadAsync(db, round.StandardId, cancellationToken);
        var parkIds = round.Parks.Select(p => p.ParkId).ToList();
        var names = await db.Parks.AsNoTracking().Where(p => parkIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var scored = round.Status == RoundStatus.Finalised
            ? Kept(round)
            : await AssessmentFigures.ScoreAsync(db, round, standard, names, cancellationToken);

        var scoreIds = round.AssessorScores.Where(s => visible.Contains(s.ParkId)).Select(s => s.Id).ToList();
        var evidence = (await db.AssessmentEvidence.AsNoTracking().Where(f => scoreIds.Contains(f.AssessorScoreId))
                .OrderBy(f => f.Id).Select(f => new { f.AssessorScoreId, f.Id, f.FileName }).ToListAsync(cancellationToken))
            .ToLookup(f => f.AssessorScoreId, f => new EvidenceRef(f.Id, f.FileName));
        var criteria = standard.Criteria.OrderBy(c => c.SortOrder).ToList();
        var results = scored.Where(s => visible.Contains(s.SubjectId)).Select(s => new ParkResult(s.SubjectId,
            names.GetValueOrDefault(s.SubjectId, "?"), s.Score, s.Rank, s.Grade,
            criteria.Select(c =>
            {
                var part = s.Criteria.FirstOrDefault(p => p.Key == c.Key);
                var entry = round.AssessorScores.FirstOrDefault(a => a.ParkId == s.SubjectId && a.CriterionKey == c.Key);
                var points = part?.Contribution ?? 0;
                return new CriterionResult(c.Key, c.Name, c.Rule, c.Weight, part?.Raw, points, standard.CallsForRectification(c, points),
                    entry?.Id, entry?.Note, entry is null ? [] : evidence[entry.Id].ToList());
            }).ToList())).ToList();

        var links = await db.ParkRectifications.AsNoTracking().Where(r => r.RoundId == round.Id).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        links = links.Where(l => visible.Contains(l.ParkId)).ToList();
        var issues = await chiefs.IssuesAsync(db, links.Select(l => l.ChiefIssueId).ToList(), cancellationToken);
        var rectifications = links.Where(l => issues.ContainsKey(l.ChiefIssueId)).Select(l =>
        {
            var issue = issues[l.ChiefIssueId];
            return new RectificationView(l.Id, l.ParkId, names.GetValueOrDefault(l.ParkId, "?"), l.CriterionKey,
                criteria.FirstOrDefault(c => c.Key == l.CriterionKey)?.Name ?? l.CriterionKey, issue.Id, issue.Description, issue.DueOn,
                issue.Status, issue.DaysOverdue, issue.EscalationLevel);
        }).ToList();

        return new RoundDetail(round.Id, round.Title, round.AssessedOn, round.Status, round.FinalisedAt, round.FinalisedBy,
            ManageStandards.ToDetail(standard), round.Parks.Count, results, rectifications, round.Version);
    }

    /// <summary>The results a finalised round kept, in rank order.</summary>
    private static IReadOnlyList<ScoredSubject> Kept(AssessmentRound round) =>
        round.Parks.OrderBy(p => p.Rank).ThenBy(p => p.ParkId)
            .Select(p => new ScoredSubject(p.ParkId, "", p.Score ?? 0, p.Rank ?? 0, p.Grade ?? Grade.Fail,
                round.Values.Where(v => v.ParkId == p.ParkId)
                    .Select(v => new CriterionScore(v.CriterionKey, v.Raw, v.Points)).ToList()))
            .ToList();
}
