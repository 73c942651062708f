using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

/// <summary>Indicators as other modules read them (<see cref="IIndicatorSummaries"/>), within the user's scope.</summary>
internal sealed class IndicatorSummaries(ScopedDb dbFactory, TimeProvider clock, StatusThresholds thresholds) : IIndicatorSummaries
{
    public async Task<IReadOnlyList<IndicatorSummary>> GetAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Include(i => i.TrajectoryPoints).Include(i => i.Observations).Include(i => i.Objectives)
            .AsSplitQuery().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var today = clock.Today();
        return indicators.Select(i => IndicatorRows.ToRow(i, today, thresholds))
            .Select(r => new IndicatorSummary(r.Id, r.Code, r.Name, r.UnitOfMeasure, r.Latest?.Value, r.Latest?.On,
                r.Target.Value, r.Target.On, r.Status.ToString(), r.Sparkline))
            .ToList();
    }

    public async Task<IReadOnlyList<int>> VisibleAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Indicators.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IndicatorChoice>> SearchAsync(string? text, int max, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Indicators.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(i => i.Code.Contains(t) || i.Name.Contains(t));
        }

        return await query.OrderBy(i => i.Code).Take(Math.Clamp(max, 1, PageRequest.MaxSize))
            .Select(i => new IndicatorChoice(i.Id, i.Code, i.Name)).ToListAsync(cancellationToken);
    }
}
