using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal sealed record AssignmentFilter(ChiefObjectKind? ObjectKind = null, int? ObjectId = null, ChiefLevel? Level = null,
    int? PersonId = null, bool? Current = null);

public sealed record AssignmentRow(int Id, ChiefObjectKind ObjectKind, int ObjectId, string ObjectName, ChiefLevel Level,
    int PersonId, string PersonName, string? PersonTitle, int? DeputyPersonId, string? DeputyName, DateOnly StartOn,
    DateOnly? EndOn, int? PredecessorId, int UnresolvedIssues, int Version);

/// <summary>Chief assignments in scope, by object, level and start (the history of an object reads top to bottom).</summary>
internal sealed class ListAssignments(ScopedDb dbFactory)
{
    public async Task<Page<AssignmentRow>> RunAsync(AssignmentFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ChiefAssignments.AsNoTracking();
        if (filter.ObjectKind is { } kind)
        {
            query = query.Where(a => a.ObjectKind == kind);
        }

        if (filter.ObjectId is { } objectId)
        {
            query = query.Where(a => a.ObjectId == objectId);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(a => a.Level == level);
        }

        if (filter.PersonId is { } personId)
        {
            query = query.Where(a => a.PersonId == personId || a.DeputyPersonId == personId);
        }

        if (filter.Current is { } current)
        {
            query = current ? query.Where(a => a.EndOn == null) : query.Where(a => a.EndOn != null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await RowsAsync(db, query.OrderBy(a => a.ObjectKind).ThenBy(a => a.ObjectId).ThenBy(a => a.Level)
            .ThenBy(a => a.StartOn).ThenBy(a => a.Id).Skip(page.Skip).Take(page.Size), cancellationToken);
        return new Page<AssignmentRow>(items, total, page.Number, page.Size);
    }

    public static async Task<List<AssignmentRow>> RowsAsync(ReformDbContext db, IQueryable<ChiefAssignment> query,
        CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(a => new
            {
                Assignment = a,
                Person = db.People.Where(p => p.Id == a.PersonId).Select(p => new { p.Name, p.Title }).First(),
                Deputy = db.People.Where(p => p.Id == a.DeputyPersonId).Select(p => p.Name).FirstOrDefault(),
                Unresolved = db.ChiefIssues.Count(i => i.AssignmentId == a.Id && i.Status != IssueStatus.Closed),
            })
            .ToListAsync(cancellationToken);
        var names = await ChiefObjects.NamesAsync(db, rows.Select(r => (r.Assignment.ObjectKind, r.Assignment.ObjectId)), cancellationToken);
        return rows.Select(r => new AssignmentRow(r.Assignment.Id, r.Assignment.ObjectKind, r.Assignment.ObjectId,
                names.GetValueOrDefault((r.Assignment.ObjectKind, r.Assignment.ObjectId), "?"), r.Assignment.Level,
                r.Assignment.PersonId, r.Person.Name, r.Person.Title, r.Assignment.DeputyPersonId, r.Deputy, r.Assignment.StartOn,
                r.Assignment.EndOn, r.Assignment.PredecessorId, r.Unresolved, r.Assignment.Version))
            .ToList();
    }
}
