using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>The ledger's filters. Every one is optional; together they narrow.</summary>
internal sealed record LedgerFilter
{
    /// <summary>Lead unit is this unit or any unit under it.</summary>
    public int? UnitId { get; init; }

    /// <summary>Objective is this objective or any under it.</summary>
    public int? ObjectiveId { get; init; }

    public int? DocumentId { get; init; }
    public IReadOnlyList<MeasureStatus> Statuses { get; init; } = [];
    public IReadOnlyList<Light> Lights { get; init; } = [];
    public bool? Overdue { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }

    /// <summary>Free text matched in the code and title (any language, any position).</summary>
    public string? Text { get; init; }

    /// <summary>The filter in a canonical form with value equality: two filters that select the same measures have equal keys.</summary>
    public LedgerFilterKey Key() => new(UnitId, ObjectiveId, DocumentId,
        string.Join(',', Statuses.Distinct().Order()), string.Join(',', Lights.Distinct().Order()),
        Overdue, DueFrom, DueTo, string.IsNullOrWhiteSpace(Text) ? null : Text.Trim());
}

internal sealed record LedgerFilterKey(int? UnitId, int? ObjectiveId, int? DocumentId, string Statuses, string Lights,
    bool? Overdue, DateOnly? DueFrom, DateOnly? DueTo, string? Text);

internal enum LedgerSort
{
    Code,
    Title,
    DueOn,
    StartOn,
    Progress,
    Status,
    Unit,
    UpdatedAt,
}

internal sealed record LedgerOrder(LedgerSort By = LedgerSort.Code, bool Descending = false)
{
    /// <summary>Reads <c>dueOn</c> or <c>-dueOn</c> (descending).</summary>
    public static LedgerOrder Parse(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return new LedgerOrder();
        }

        var descending = sort.StartsWith('-');
        var name = sort.TrimStart('-', '+');
        return Enum.TryParse<LedgerSort>(name, ignoreCase: true, out var by)
            ? new LedgerOrder(by, descending)
            : throw new RuleViolation("SortFieldIsKnown",
                $"Cannot sort by '{name}'; use one of: {string.Join(", ", Enum.GetNames<LedgerSort>().Select(JsonName))}.", "sort",
                name, string.Join(", ", Enum.GetNames<LedgerSort>().Select(JsonName)));
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

internal sealed record MeasureRow(
    int Id,
    string Code,
    string Title,
    int LeadUnitId,
    string LeadUnitName,
    int ObjectiveId,
    string ObjectiveCode,
    string ObjectiveTitle,
    DateOnly StartOn,
    DateOnly DueOn,
    MeasureStatus Status,
    int Progress,
    Light Light,
    bool Overdue);

/// <summary>
/// Lists the ledger: filtered, sorted and paged in the database, the light filter included,
/// so a page costs one count and one select whatever the size of the ledger. A page once counted
/// is remembered until the data changes, per user scope and date (<see cref="ReadCache"/>).
/// </summary>
internal sealed class ListMeasures(ScopedDb dbFactory, TimeProvider clock,
    LightThresholds thresholds, ReadCache cache)
{
    public async Task<Page<MeasureRow>> RunAsync(LedgerFilter filter, LedgerOrder order, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var key = new PageKey(await dbFactory.PathAsync(cancellationToken), today, filter.Key(), order, page);
        return await cache.GetOrComputeAsync(key, () => ComputeAsync(filter, order, page, today, CancellationToken.None),
            cancellationToken);
    }

    /// <summary>Everything a page depends on besides the data: who looks (their scope), when, and what they ask.</summary>
    private sealed record PageKey(string? Scope, DateOnly Today, LedgerFilterKey Filter, LedgerOrder Order, PageRequest Page);

    private async Task<Page<MeasureRow>> ComputeAsync(LedgerFilter filter, LedgerOrder order, PageRequest page,
        DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, today, cancellationToken);
        var total = await query.CountAsync(cancellationToken);

        var rows = await Sort(db, query, order)
            .Skip(page.Skip)
            .Take(page.Size)
            .Select(m => new
            {
                m.Id,
                m.Code,
                m.Title,
                m.LeadUnitId,
                LeadUnitName = db.Units.Where(u => u.Id == m.LeadUnitId).Select(u => u.Name).First(),
                m.ObjectiveId,
                ObjectiveCode = db.Objectives.Where(o => o.Id == m.ObjectiveId).Select(o => o.Code).First(),
                ObjectiveTitle = db.Objectives.Where(o => o.Id == m.ObjectiveId).Select(o => o.Title).First(),
                m.StartOn,
                m.DueOn,
                m.Status,
                m.Progress,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new MeasureRow(r.Id, r.Code, r.Title, r.LeadUnitId, r.LeadUnitName,
                r.ObjectiveId, r.ObjectiveCode, r.ObjectiveTitle, r.StartOn, r.DueOn, r.Status, r.Progress,
                LightRule.Compute(r.Status, r.StartOn, r.DueOn, r.Progress, today, thresholds),
                r.Status == MeasureStatus.Active && r.DueOn < today))
            .ToList();
        return new Page<MeasureRow>(items, total, page.Number, page.Size);
    }

    /// <summary>The filtered measures, unsorted: also the base of counts on the dashboard.</summary>
    public async Task<IQueryable<Measure>> FilterAsync(ReformDbContext db, LedgerFilter filter, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var query = db.Measures.AsNoTracking();

        if (filter.UnitId is { } unitId)
        {
            var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new RuleViolation("FilterUnitExists", $"There is no unit {unitId}.", "unitId", unitId);
            // "Lead unit in the subtree's ids" (not "a unit with this id exists under the prefix"), so the
            // database walks the measures' unit index for the few units in the subtree instead of testing every measure.
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            query = query.Where(m => subtree.Contains(m.LeadUnitId));
        }

        if (filter.ObjectiveId is { } objectiveId)
        {
            var prefix = await db.Objectives.Where(o => o.Id == objectiveId).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new RuleViolation("FilterObjectiveExists", $"There is no objective {objectiveId}.",
                             "objectiveId", objectiveId);
            var subtree = db.Objectives.Where(o => o.Path.StartsWith(prefix)).Select(o => o.Id);
            query = query.Where(m => subtree.Contains(m.ObjectiveId));
        }

        if (filter.DocumentId is { } documentId)
        {
            query = query.Where(m => m.DocumentId == documentId);
        }

        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            query = query.Where(m => statuses.Contains(m.Status));
        }

        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(m => m.Status == MeasureStatus.Active && m.DueOn < today)
                : query.Where(m => !(m.Status == MeasureStatus.Active && m.DueOn < today));
        }

        if (filter.DueFrom is { } from)
        {
            query = query.Where(m => m.DueOn >= from);
        }

        if (filter.DueTo is { } to)
        {
            query = query.Where(m => m.DueOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = db.IsSqlite
                ? query.Where(m => m.Title.Contains(text) || m.Code.Contains(text))
                : query.Where(m => EF.Functions.ILike(m.Title, "%" + EscapeLike(text) + "%", "\\")
                                   || EF.Functions.ILike(m.Code, "%" + EscapeLike(text) + "%", "\\"));
        }

        if (filter.Lights.Count > 0)
        {
            query = WithLights(query, filter.Lights, today);
        }

        return query;
    }

    /// <summary>
    /// The light rule of <see cref="LightRule.Compute"/>, as SQL: with T today, S start, D due and
    /// P progress (as day numbers and percent), a measure is behind by (T−S)·100/(D−S) − P points.
    /// Multiplying through by (D−S) &gt; 0 keeps it in integers.
    /// </summary>
    private IQueryable<Measure> WithLights(IQueryable<Measure> query, IReadOnlyList<Light> lights, DateOnly today)
    {
        var t = today.DayNumber;
        var yellow = thresholds.YellowBehind;
        var red = thresholds.RedBehind;
        var wantNone = lights.Contains(Light.None);
        var wantGreen = lights.Contains(Light.Green);
        var wantYellow = lights.Contains(Light.Yellow);
        var wantRed = lights.Contains(Light.Red);

        return query.Where(m =>
            (wantNone && m.Status != MeasureStatus.Active)
            || (m.Status == MeasureStatus.Active && (
                (wantRed && (m.DueOn.DayNumber < t
                             || ((t - m.StartOn.DayNumber) * 100) - (m.Progress * (m.DueOn.DayNumber - m.StartOn.DayNumber))
                                > red * (m.DueOn.DayNumber - m.StartOn.DayNumber)))
                || (wantYellow && m.DueOn.DayNumber >= t
                    && ((t - m.StartOn.DayNumber) * 100) - (m.Progress * (m.DueOn.DayNumber - m.StartOn.DayNumber))
                        >= yellow * (m.DueOn.DayNumber - m.StartOn.DayNumber)
                    && ((t - m.StartOn.DayNumber) * 100) - (m.Progress * (m.DueOn.DayNumber - m.StartOn.DayNumber))
                        <= red * (m.DueOn.DayNumber - m.StartOn.DayNumber))
                || (wantGreen && m.DueOn.DayNumber >= t
                    && ((t - m.StartOn.DayNumber) * 100) - (m.Progress * (m.DueOn.DayNumber - m.StartOn.DayNumber))
                        < yellow * (m.DueOn.DayNumber - m.StartOn.DayNumber)))));
    }

    /// <summary>
    /// How many active measures of each objective are green, yellow or red, in one pass: the rule of
    /// <see cref="WithLights"/> as one CASE per measure, read from the ledger's covering index.
    /// </summary>
    public async Task<Dictionary<Light, Dictionary<int, int>>> CountLightsByObjectiveAsync(IQueryable<Measure> query,
        DateOnly today, CancellationToken cancellationToken = default)
    {
        var t = today.DayNumber;
        var yellow = thresholds.YellowBehind;
        var red = thresholds.RedBehind;
        var counts = await query
            .Where(m => m.Status == MeasureStatus.Active)
            .Select(m => new
            {
                m.ObjectiveId,
                Due = m.DueOn.DayNumber,
                Span = m.DueOn.DayNumber - m.StartOn.DayNumber,
                Behind = ((t - m.StartOn.DayNumber) * 100) - (m.Progress * (m.DueOn.DayNumber - m.StartOn.DayNumber)),
            })
            .Select(x => new
            {
                x.ObjectiveId,
                Light = x.Due < t || x.Behind > red * x.Span ? 3 : x.Behind >= yellow * x.Span ? 2 : 1,
            })
            .GroupBy(x => new { x.ObjectiveId, x.Light })
            .Select(g => new { g.Key.ObjectiveId, g.Key.Light, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var lights = new Dictionary<Light, Dictionary<int, int>>
        {
            [Light.Green] = [],
            [Light.Yellow] = [],
            [Light.Red] = [],
        };
        foreach (var count in counts)
        {
            var light = count.Light switch { 3 => Light.Red, 2 => Light.Yellow, _ => Light.Green };
            lights[light][count.ObjectiveId] = count.Count;
        }

        return lights;
    }

    private static IQueryable<Measure> Sort(ReformDbContext db, IQueryable<Measure> query, LedgerOrder order)
    {
        var sorted = order.By switch
        {
            LedgerSort.Title => Apply(query, m => m.Title, order.Descending),
            LedgerSort.DueOn => Apply(query, m => m.DueOn, order.Descending),
            LedgerSort.StartOn => Apply(query, m => m.StartOn, order.Descending),
            LedgerSort.Progress => Apply(query, m => m.Progress, order.Descending),
            LedgerSort.Status => Apply(query, m => m.Status, order.Descending),
            LedgerSort.UpdatedAt => Apply(query, m => m.UpdatedAt, order.Descending),
            LedgerSort.Unit => Apply(query,
                m => db.Units.Where(u => u.Id == m.LeadUnitId).Select(u => u.Code).First(), order.Descending),
            _ => Apply(query, m => m.Code, order.Descending),
        };
        // A stable tie-break so pages never repeat or skip rows.
        return sorted.ThenBy(m => m.Id);
    }

    private static IOrderedQueryable<Measure> Apply<TKey>(IQueryable<Measure> query,
        System.Linq.Expressions.Expression<Func<Measure, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
