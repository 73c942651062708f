using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

/// <summary>
/// The supervision board's items as the acting user may see them (their unit's subtree): listed,
/// opened by hand, answered by the unit and closed by the office.
/// </summary>
internal sealed class ManageItems(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<Page<SupervisionItemView>> ListAsync(SupervisionFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        if (filter.Level is { } level)
        {
            query = query.Where(i => i.Level == level);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await Project(db, query
                .OrderByDescending(i => i.Level).ThenBy(i => i.OpenedOn).ThenBy(i => i.Id)
                .Skip(page.Skip).Take(page.Size))
            .ToListAsync(cancellationToken);
        return new Page<SupervisionItemView>(items, total, page.Number, page.Size);
    }

    /// <summary>How many items of the filter stand at each level (the filter's own level aside).</summary>
    public async Task<LevelCounts> CountByLevelAsync(SupervisionFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        var counts = await query.GroupBy(i => i.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(SupervisionLevel l) => counts.FirstOrDefault(c => c.Key == l)?.Count ?? 0;
        return new LevelCounts(Of(SupervisionLevel.Reminder), Of(SupervisionLevel.Warning), Of(SupervisionLevel.Instruction));
    }

    public async Task<SupervisionItemView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.SupervisionItems.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken)
               ?? throw new NotFound("SupervisionItem", id);
    }

    /// <summary>The id of the measure with this code, if the user may see it.</summary>
    public async Task<int?> MeasureIdOfAsync(string? code, CancellationToken cancellationToken = default)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Measures.Where(m => m.Code == trimmed).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The office or a leader opens an item on a measure with an instruction and a response deadline.</summary>
    public async Task<SupervisionItemView> OpenAsync(int? measureId, SupervisionLevel? level, string? instruction,
        DateOnly? respondBy, string actor, CancellationToken cancellationToken = default)
    {
        var id = Fields.Required(measureId, "measureId");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.Measures.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Id, m.LeadUnitId })
                          .FirstOrDefaultAsync(cancellationToken)
                      ?? throw new RuleViolation("SupervisedMeasureExists", $"There is no measure {id}.", "measureId", id);
        var item = SupervisionItem.OpenByHand(measure.Id, measure.LeadUnitId, level ?? SupervisionLevel.Warning,
            instruction, respondBy, actor, clock.Today());
        db.SupervisionItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(item.Id, cancellationToken);
    }

    public async Task<SupervisionItemView> RespondAsync(int id, int? expectedVersion, string? response, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, id, expectedVersion, cancellationToken);
        item.Respond(response, actor, clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<SupervisionItemView> CloseAsync(int id, int? expectedVersion, string? note, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, id, expectedVersion, cancellationToken);
        item.Close(actor, note, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private static async Task<SupervisionItem> LoadAsync(ReformDbContext db, int id, int? expectedVersion,
        CancellationToken cancellationToken)
    {
        var item = await db.SupervisionItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                   ?? throw new NotFound("SupervisionItem", id);
        StaleVersion.Check("SupervisionItem", id, expectedVersion, item.Version);
        return item;
    }

    private static async Task<IQueryable<SupervisionItem>> FilterAsync(ReformDbContext db, SupervisionFilter filter,
        CancellationToken cancellationToken)
    {
        var query = db.SupervisionItems.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new RuleViolation("FilterUnitExists", $"There is no unit {unitId}.", "unitId", unitId);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            query = query.Where(i => subtree.Contains(i.UnitId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        else if (!filter.IncludeClosed)
        {
            query = query.Where(i => i.Status != SupervisionStatus.Closed);
        }

        if (filter.Rule is { } rule)
        {
            query = query.Where(i => i.Rule == rule);
        }

        if (filter.MeasureId is { } measureId)
        {
            query = query.Where(i => i.MeasureId == measureId);
        }

        return query;
    }

    // No IgnoreQueryFilters() in these projections: in a subquery it would lift the scope filters of the whole query.
    private static IQueryable<SupervisionItemView> Project(ReformDbContext db, IQueryable<SupervisionItem> query) =>
        query.Select(i => new SupervisionItemView(
            i.Id,
            i.MeasureId,
            db.Measures.Where(m => m.Id == i.MeasureId).Select(m => m.Code).First(),
            db.Measures.Where(m => m.Id == i.MeasureId).Select(m => m.Title).First(),
            i.UnitId,
            db.Units.Where(u => u.Id == i.UnitId).Select(u => u.Name).First(),
            i.Rule,
            i.Level,
            i.Status,
            i.OpenedOn,
            i.OpenedBy,
            i.EscalatedOn,
            i.Instruction,
            i.RespondBy,
            i.Response,
            i.RespondedBy,
            i.RespondedAt,
            i.ClosedOn,
            i.ClosedBy,
            i.ClosedBecause,
            i.ClosingNote,
            i.Version));
}
