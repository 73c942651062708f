using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal sealed record WaterInput(string? Name, WaterKind? Kind, int? DistrictUnitId, int? RiverId, string? Description);

internal sealed record WaterRow(int Id, string Name, WaterKind Kind, int DistrictUnitId, string DistrictName, int? RiverId,
    IReadOnlyList<ChiefOfObject> Chiefs, int UnresolvedIssues, int Version);

/// <summary>A water with all its chief assignments (current and past), its inspections and its issues.</summary>
internal sealed record WaterDetail(WaterRow Water, string? Description, string? RiverName, IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<InspectionView> Inspections, IReadOnlyList<IssueRow> Issues);

/// <summary>Rivers, lakes and reaches in scope: list, detail, create and change.</summary>
internal sealed class Waters(ScopedDb dbFactory, ChiefLookup chiefs, ListIssues listIssues)
{
    public async Task<Page<WaterRow>> ListAsync(WaterKind? kind, int? districtUnitId, string? text, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Waters.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(w => w.Kind == k);
        }

        if (districtUnitId is { } unitId)
        {
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                       ?? UserScope.Nothing;
            query = query.Where(w => db.Units.Any(u => u.Id == w.DistrictUnitId && u.Path.StartsWith(path)));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(w => w.Name.Contains(t));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await RowsAsync(db, query.OrderBy(w => w.Kind).ThenBy(w => w.Name).ThenBy(w => w.Id).Skip(page.Skip).Take(page.Size),
            cancellationToken);
        return new Page<WaterRow>(items, total, page.Number, page.Size);
    }

    public async Task<WaterDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var water = await db.Waters.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw new NotFound("Water", id);
        var row = (await RowsAsync(db, db.Waters.AsNoTracking().Where(w => w.Id == id), cancellationToken)).Single();
        var kind = ChiefObjects.KindOf(water.Kind);
        var assignments = await ListAssignments.RowsAsync(db, db.ChiefAssignments.AsNoTracking()
            .Where(a => a.ObjectKind == kind && a.ObjectId == id).OrderBy(a => a.Level).ThenBy(a => a.StartOn).ThenBy(a => a.Id),
            cancellationToken);
        var inspections = await GetAssignment.InspectionsAsync(db, db.Inspections.AsNoTracking()
            .Where(i => db.ChiefAssignments.Any(a => a.Id == i.AssignmentId && a.ObjectKind == kind && a.ObjectId == id)), cancellationToken);
        var issues = await listIssues.RunAsync(new IssueFilter(ObjectKind: kind, ObjectId: id), new PageRequest(1, PageRequest.MaxSize),
            cancellationToken);
        var river = water.RiverId is { } riverId
            ? await db.Waters.Where(w => w.Id == riverId).Select(w => w.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new WaterDetail(row, water.Description, river, assignments, inspections, issues.Items);
    }

    public async Task<WaterDetail> CreateAsync(WaterInput input, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var water = new Water { Name = "" };
            await ApplyAsync(db, water, input, cancellationToken);
            db.Waters.Add(water);
            await db.SaveChangesAsync(cancellationToken);
            id = water.Id;
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<WaterDetail> UpdateAsync(int id, int ifMatch, WaterInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var water = await db.Waters.FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw new NotFound("Water", id);
            StaleVersion.Check("Water", id, ifMatch, water.Version);
            var kind = water.Kind;
            var objectKind = ChiefObjects.KindOf(kind);
            await ApplyAsync(db, water, input, cancellationToken);
            if (water.Kind != kind && await db.ChiefAssignments.AnyAsync(
                    a => a.ObjectKind == objectKind && a.ObjectId == id, cancellationToken))
            {
                throw new RuleViolation("WaterWithChiefsKeepsItsKind", "A water that has chiefs keeps its kind.", "kind");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(id, cancellationToken);
    }

    private static async Task ApplyAsync(ReformDbContext db, Water water, WaterInput input, CancellationToken cancellationToken)
    {
        water.Describe(input.Name, input.Kind, input.DistrictUnitId, input.Description);
        var path = await db.Units.Where(u => u.Id == water.DistrictUnitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                   ?? throw References.Missing("unit", water.DistrictUnitId, "districtUnitId");
        if (db.ScopePath is { } scope && !path.StartsWith(scope, StringComparison.Ordinal))
        {
            throw new RuleViolation("DistrictIsWithinYourScope",
                "You may only place it in a district of your own part of the organisation.", "districtUnitId");
        }

        if (input.RiverId is { } riverId)
        {
            if (water.Kind != WaterKind.Reach)
            {
                throw new RuleViolation("OnlyAReachBelongsToARiver", "Only a reach is part of a river.", "riverId");
            }

            if (!await db.Waters.AnyAsync(w => w.Id == riverId && w.Kind == WaterKind.River, cancellationToken))
            {
                throw References.Missing("river", riverId, "riverId");
            }
        }

        water.RiverId = input.RiverId;
    }

    private async Task<List<WaterRow>> RowsAsync(ReformDbContext db, IQueryable<Water> query, CancellationToken cancellationToken)
    {
        var waters = await query.Select(w => new
            {
                Water = w,
                District = db.Units.Where(u => u.Id == w.DistrictUnitId).Select(u => u.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var rows = new List<WaterRow>();
        foreach (var group in waters.GroupBy(w => ChiefObjects.KindOf(w.Water.Kind)))
        {
            var ids = group.Select(w => w.Water.Id).ToList();
            var current = (await chiefs.CurrentAsync(db, group.Key, ids, cancellationToken)).ToLookup(c => c.ObjectId);
            var kind = group.Key;
            var unresolved = (await db.ChiefIssues.Where(i => i.Status != IssueStatus.Closed)
                    .Join(db.ChiefAssignments.Where(a => a.ObjectKind == kind && ids.Contains(a.ObjectId)), i => i.AssignmentId, a => a.Id,
                        (i, a) => a.ObjectId)
                    .ToListAsync(cancellationToken))
                .CountBy(x => x).ToDictionary(p => p.Key, p => p.Value);
            rows.AddRange(group.Select(w => new WaterRow(w.Water.Id, w.Water.Name, w.Water.Kind, w.Water.DistrictUnitId, w.District,
                w.Water.RiverId, current[w.Water.Id].ToList(), unresolved.GetValueOrDefault(w.Water.Id), w.Water.Version)));
        }

        var order = waters.Select(w => w.Water.Id).ToList();
        return rows.OrderBy(r => order.IndexOf(r.Id)).ToList();
    }
}
