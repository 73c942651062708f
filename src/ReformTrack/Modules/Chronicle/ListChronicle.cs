using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

internal sealed record ChronicleLinkView(string Kind, int Id);

/// <summary>A chronicle event as the API and the pages show it.</summary>
internal sealed record ChronicleView(
    int Id,
    DateOnly Date,
    DatePrecision Precision,
    string Title,
    ChronicleCategory Category,
    string? Description,
    int? UnitId,
    string? UnitName,
    bool Published,
    bool Derived,
    string? Key,
    IReadOnlyList<ChronicleLinkView> Links,
    int Version)
{
    /// <summary>The date as precisely as it is known: 2018-12-03, 2018-12 or 2018.</summary>
    public string DateText => Precision switch
    {
        DatePrecision.Year => Date.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The chronicle's filters; every one optional. Years are inclusive.</summary>
internal sealed record ChronicleFilter
{
    public IReadOnlyList<ChronicleCategory> Categories { get; init; } = [];
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }

    /// <summary>Events of this unit or a unit under it (programme-wide events are left out).</summary>
    public int? UnitId { get; init; }

    public bool? Published { get; init; }
    public string? Text { get; init; }
}

/// <summary>One year of the look-back page.</summary>
internal sealed record ChronicleYear(int Year, IReadOnlyList<ChronicleView> Events);

/// <summary>Lists the chronicle within the reader's scope: newest first, paged, or grouped by year for the look-back page.</summary>
internal sealed class ListChronicle(ScopedDb dbFactory)
{
    /// <summary>The look-back page and the exports stop here; a chronicle of a few years holds far fewer.</summary>
    public const int MaxLookBack = 5000;

    public async Task<Page<ChronicleView>> RunAsync(ChronicleFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Size)
            .ToListAsync(cancellationToken);
        return new Page<ChronicleView>(await ViewsAsync(db, events, cancellationToken), total, page.Number, page.Size);
    }

    /// <summary>The events of the filter grouped by year; years and events newest first unless <paramref name="oldestFirst"/>.</summary>
    public async Task<IReadOnlyList<ChronicleYear>> LookBackAsync(ChronicleFilter filter, bool oldestFirst = false,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        var ordered = oldestFirst
            ? query.OrderBy(e => e.Date).ThenBy(e => e.Id)
            : query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id);
        var events = await ordered.Take(MaxLookBack).ToListAsync(cancellationToken);
        var views = await ViewsAsync(db, events, cancellationToken);
        return views.GroupBy(v => v.Date.Year).Select(g => new ChronicleYear(g.Key, g.ToList())).ToList();
    }

    /// <summary>The years that hold events the reader may see, newest first: the look-back page's year choices.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dates = await db.ChronicleEvents.AsNoTracking().Select(e => e.Date).Distinct().ToListAsync(cancellationToken);
        return dates.Select(d => d.Year).Distinct().OrderDescending().ToList();
    }

    public static async Task<IQueryable<ChronicleEvent>> FilterAsync(ReformDbContext db, ChronicleFilter filter,
        CancellationToken cancellationToken)
    {
        if (filter.FromYear is { } from && filter.ToYear is { } to && from > to)
        {
            throw new RuleViolation("ChronicleYearRangeIsOrdered", "The first year of the range comes before the last.", "fromYear");
        }

        var query = db.ChronicleEvents.AsNoTracking();
        if (filter.Categories.Count > 0)
        {
            var categories = filter.Categories.ToList();
            query = query.Where(e => categories.Contains(e.Category));
        }

        if (filter.FromYear is { } fromYear)
        {
            var first = new DateOnly(Math.Clamp(fromYear, 1, 9999), 1, 1);
            query = query.Where(e => e.Date >= first);
        }

        if (filter.ToYear is { } toYear)
        {
            var last = new DateOnly(Math.Clamp(toYear, 1, 9999), 12, 31);
            query = query.Where(e => e.Date <= last);
        }

        if (filter.UnitId is { } unitId)
        {
            var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new RuleViolation("FilterUnitExists", $"There is no unit {unitId}.", "unitId", unitId);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => (int?)u.Id);
            query = query.Where(e => subtree.Contains(e.UnitId));
        }

        if (filter.Published is { } published)
        {
            query = query.Where(e => e.Published == published);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(e => e.Title.Contains(text));
        }

        return query;
    }

    public static async Task<IReadOnlyList<ChronicleView>> ViewsAsync(ReformDbContext db, IReadOnlyList<ChronicleEvent> events,
        CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        var links = (await db.ChronicleLinks.AsNoTracking().Where(l => ids.Contains(l.EventId)).ToListAsync(cancellationToken))
            .ToLookup(l => l.EventId);
        var unitIds = events.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return events.Select(e => new ChronicleView(e.Id, e.Date, e.Precision, e.Title, e.Category, e.Description, e.UnitId,
                e.UnitId is { } u ? units.GetValueOrDefault(u) : null, e.Published, e.Derived, e.Key,
                links[e.Id].OrderBy(l => l.Id).Select(l => new ChronicleLinkView(l.Kind, l.TargetId)).ToList(), e.Version))
            .ToList();
    }
}
