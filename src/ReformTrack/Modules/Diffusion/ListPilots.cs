using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed record PilotFilter(int? UnitId = null, GrantLevel? Level = null, PilotStatus? Status = null, string? Text = null);

internal sealed record PilotRow(int Id, string Name, GrantLevel Level, string GrantingBody, int? HolderUnitId,
    string? HolderName, DateOnly? GrantedOn, PilotStatus Status, DateOnly? EvaluationDueOn);

/// <summary>Pilots in the user's scope, newest grant first, filtered by holder subtree, level, status and text.</summary>
internal sealed class ListPilots(ScopedDb scopedDb)
{
    public async Task<Page<PilotRow>> RunAsync(PilotFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var pilots = await FilterAsync(db, filter, cancellationToken);
        var total = await pilots.CountAsync(cancellationToken);
        var items = await pilots
            .OrderByDescending(p => p.GrantedOn).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(p => new PilotRow(p.Id, p.Name, p.Level, p.GrantingBody, p.HolderUnitId,
                p.HolderUnitId == null ? p.HolderArea : db.Units.Where(u => u.Id == p.HolderUnitId).Select(u => u.Name).First(),
                p.GrantedOn, p.Status, p.EvaluationDueOn))
            .ToListAsync(cancellationToken);
        return new Page<PilotRow>(items, total, page.Number, page.Size);
    }

    /// <summary>How many pilots there are at each level in each status, for the chart.</summary>
    public async Task<IReadOnlyList<PilotCount>> CountAsync(PilotFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var pilots = await FilterAsync(db, filter with { Level = null, Status = null }, cancellationToken);
        return await pilots.GroupBy(p => new { p.Level, p.Status })
            .Select(g => new PilotCount(g.Key.Level, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
    }

    private static async Task<IQueryable<Pilot>> FilterAsync(ReformDbContext db, PilotFilter filter,
        CancellationToken cancellationToken)
    {
        var pilots = db.Pilots.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            var prefix = await DiffusionScope.SubtreeAsync(db, unitId, cancellationToken);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            pilots = pilots.Where(p => p.HolderUnitId != null && subtree.Contains(p.HolderUnitId.Value));
        }

        if (filter.Level is { } level)
        {
            pilots = pilots.Where(p => p.Level == level);
        }

        if (filter.Status is { } status)
        {
            pilots = pilots.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            pilots = pilots.Where(p => p.Name.Contains(text) || p.GrantingBody.Contains(text)
                                       || (p.HolderArea != null && p.HolderArea.Contains(text)));
        }

        return pilots;
    }
}

internal sealed record PilotCount(GrantLevel Level, PilotStatus Status, int Count);
