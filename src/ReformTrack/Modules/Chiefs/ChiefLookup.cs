using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

/// <summary>A current chief of an object, as other modules show it (a chain's leader, a park's chief).</summary>
public sealed record ChiefOfObject(int AssignmentId, int ObjectId, ChiefLevel Level, int PersonId, string PersonName,
    string? PersonTitle, int? DeputyPersonId, string? DeputyName, DateOnly StartOn);

/// <summary>An unresolved issue, as other modules list it beside the object it concerns.</summary>
public sealed record OpenIssueOfObject(int Id, int AssignmentId, string Description, DateOnly DueOn, IssueStatus Status,
    int DaysOverdue, int EscalationLevel);

/// <summary>
/// What the Chiefs module tells other modules about their objects: who is responsible now and
/// what is still unresolved. Works in the caller's (scoped) context.
/// </summary>
internal sealed class ChiefLookup(TimeProvider clock, EscalationLevels escalation)
{
    public async Task<IReadOnlyList<ChiefOfObject>> CurrentAsync(ReformDbContext db, ChiefObjectKind kind,
        IReadOnlyCollection<int> objectIds, CancellationToken cancellationToken = default) =>
        await db.ChiefAssignments.AsNoTracking()
            .Where(a => a.ObjectKind == kind && objectIds.Contains(a.ObjectId) && a.EndOn == null)
            .OrderBy(a => a.Level).ThenBy(a => a.Id)
            .Select(a => new ChiefOfObject(a.Id, a.ObjectId, a.Level, a.PersonId,
                db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).First(),
                db.People.Where(p => p.Id == a.PersonId).Select(p => p.Title).First(),
                a.DeputyPersonId,
                db.People.Where(p => p.Id == a.DeputyPersonId).Select(p => p.Name).FirstOrDefault(),
                a.StartOn))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OpenIssueOfObject>> UnresolvedAsync(ReformDbContext db, ChiefObjectKind kind, int objectId,
        CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var issues = await db.ChiefIssues.AsNoTracking()
            .Where(i => i.Status != IssueStatus.Closed
                        && db.ChiefAssignments.Any(a => a.Id == i.AssignmentId && a.ObjectKind == kind && a.ObjectId == objectId))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return issues.Select(i => new OpenIssueOfObject(i.Id, i.AssignmentId, i.Description, i.DueOn, i.Status,
            i.DaysOverdue(today), escalation.LevelFor(i.DaysOverdue(today)))).ToList();
    }
    /// <summary>Issues by id in any state, with their escalation today (e.g. the rectification items of an assessment).</summary>
    public async Task<IReadOnlyDictionary<int, OpenIssueOfObject>> IssuesAsync(ReformDbContext db, IReadOnlyCollection<int> issueIds,
        CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var issues = await db.ChiefIssues.AsNoTracking().Where(i => issueIds.Contains(i.Id)).ToListAsync(cancellationToken);
        return issues.ToDictionary(i => i.Id, i => new OpenIssueOfObject(i.Id, i.AssignmentId, i.Description, i.DueOn, i.Status,
            i.DaysOverdue(today), escalation.LevelFor(i.DaysOverdue(today))));
    }

    /// <summary>
    /// Raises issues on objects, each against the object's current chief assignment (the city-level one first),
    /// saves them and returns their ids in the order given. An object with no current chief is a rule violation.
    /// </summary>
    public async Task<IReadOnlyList<int>> RaiseAsync(ReformDbContext db, ChiefObjectKind kind,
        IReadOnlyList<(int ObjectId, string Description)> items, DateOnly raisedOn, DateOnly dueOn, string field,
        CancellationToken cancellationToken = default)
    {
        var objectIds = items.Select(i => i.ObjectId).Distinct().ToList();
        var answerable = (await db.ChiefAssignments.AsNoTracking()
                .Where(a => a.ObjectKind == kind && objectIds.Contains(a.ObjectId) && a.EndOn == null)
                .Select(a => new { a.Id, a.ObjectId, a.Level })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.ObjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Level).ThenBy(a => a.Id).First().Id);
        var issues = items.Select(item => ChiefIssue.Raise(
                answerable.TryGetValue(item.ObjectId, out var assignment)
                    ? assignment
                    : throw new RuleViolation("IssueHasAnAnswerableChief", "Name a chief for the object before raising issues on it.",
                        field),
                null, item.Description, raisedOn, dueOn, field))
            .ToList();
        db.ChiefIssues.AddRange(issues);
        await db.SaveChangesAsync(cancellationToken);
        return issues.Select(i => i.Id).ToList();
    }
}
