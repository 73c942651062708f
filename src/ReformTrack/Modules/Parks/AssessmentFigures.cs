using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Parks;

/// <summary>
/// Gathers what the data rules read for every park of a round in a fixed number of queries (one per
/// kind of figure, whatever the number of parks), and scores the round with the shared engine.
/// Reads the whole round, not a user's scope, so ranks are the same for everyone.
/// </summary>
internal static class AssessmentFigures
{
    public static async Task<IReadOnlyDictionary<int, ParkFigures>> GatherAsync(ReformDbContext db, IReadOnlyCollection<int> parkIds,
        DateOnly asOf, CancellationToken cancellationToken)
    {
        var ids = parkIds.ToList();
        var parks = await db.Parks.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.AnnualOutput, p.AreaKm2 }).ToListAsync(cancellationToken);
        var enterprises = await db.ChainEnterprises.AsNoTracking().Where(e => e.ParkId != null && ids.Contains(e.ParkId.Value))
            .GroupBy(e => e.ParkId!.Value).Select(g => new { ParkId = g.Key, Count = g.Select(e => e.Name).Distinct().Count() })
            .ToDictionaryAsync(x => x.ParkId, x => x.Count, cancellationToken);
        // Unresolved on the assessment date: raised by then and not closed by then.
        var issues = await db.ChiefIssues.AsNoTracking()
            .Where(i => i.RaisedOn <= asOf && (i.Status != IssueStatus.Closed || i.ClosedOn > asOf))
            .Join(db.ChiefAssignments.AsNoTracking().Where(a => a.ObjectKind == ChiefObjectKind.Park && ids.Contains(a.ObjectId)),
                i => i.AssignmentId, a => a.Id, (i, a) => a.ObjectId)
            .GroupBy(parkId => parkId).Select(g => new { ParkId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ParkId, x => x.Count, cancellationToken);
        var measures = await (
                from cp in db.ChainParks.AsNoTracking()
                where ids.Contains(cp.ParkId)
                join cm in db.ChainMeasures.AsNoTracking() on cp.ChainId equals cm.ChainId
                join m in db.Measures.AsNoTracking() on cm.MeasureId equals m.Id
                where m.DueOn <= asOf && m.Status != MeasureStatus.Cancelled && m.Status != MeasureStatus.Draft
                select new { cp.ParkId, m.Id, OnTime = m.Status == MeasureStatus.Completed && m.CompletedOn <= m.DueOn })
            .Distinct().ToListAsync(cancellationToken);
        var measuresByPark = measures.GroupBy(m => m.ParkId)
            .ToDictionary(g => g.Key, g => (Due: g.Select(m => m.Id).Distinct().Count(), OnTime: g.Where(m => m.OnTime).Select(m => m.Id).Distinct().Count()));

        return parks.ToDictionary(p => p.Id, p =>
        {
            var (due, onTime) = measuresByPark.GetValueOrDefault(p.Id);
            return new ParkFigures(p.Id, p.AnnualOutput, p.AreaKm2, enterprises.GetValueOrDefault(p.Id), issues.GetValueOrDefault(p.Id),
                due, onTime);
        });
    }

    /// <summary>Scores every park of an open round as things stand (the round and standard loaded with their parts).</summary>
    public static async Task<IReadOnlyList<ScoredSubject>> ScoreAsync(ReformDbContext db, AssessmentRound round, Standard standard,
        IReadOnlyDictionary<int, string> parkNames, CancellationToken cancellationToken)
    {
        var figures = await GatherAsync(db, round.Parks.Select(p => p.ParkId).ToList(), round.AssessedOn, cancellationToken);
        return ScoringEngine.Score(standard.ScoringCriteria(), standard.Bands, round.Inputs(standard, figures, parkNames));
    }
}
