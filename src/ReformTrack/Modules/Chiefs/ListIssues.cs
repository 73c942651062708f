using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal sealed record IssueFilter(IssueStatus? Status = null, int? AssignmentId = null, ChiefObjectKind? ObjectKind = null,
    int? ObjectId = null, bool? Overdue = null);

public sealed record IssueRow(int Id, int AssignmentId, ChiefObjectKind ObjectKind, int ObjectId, string ObjectName,
    string ChiefName, int? InspectionId, string Description, DateOnly RaisedOn, DateOnly DueOn, IssueStatus Status,
    DateOnly? RectifiedOn, string? Rectification, DateOnly? ClosedOn, int TimesReopened, string? ReopenReason,
    int DaysOverdue, int EscalationLevel, int Version);

internal sealed record EscalationGroup(int Level, int FromDays, IReadOnlyList<IssueRow> Issues);

/// <summary>
/// Issues in scope, filtered and paged by deadline; and the escalation board: open issues past their
/// deadline, grouped by how far they have escalated (computed from today, never stored).
/// </summary>
internal sealed class ListIssues(ScopedDb dbFactory, TimeProvider clock, EscalationLevels escalation)
{
    public async Task<Page<IssueRow>> RunAsync(IssueFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var query = db.ChiefIssues.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.AssignmentId is { } assignmentId)
        {
            query = query.Where(i => i.AssignmentId == assignmentId);
        }

        if (filter.ObjectKind is { } kind)
        {
            query = query.Where(i => db.ChiefAssignments.Any(a => a.Id == i.AssignmentId && a.ObjectKind == kind));
        }

        if (filter.ObjectId is { } objectId)
        {
            query = query.Where(i => db.ChiefAssignments.Any(a => a.Id == i.AssignmentId && a.ObjectId == objectId));
        }

        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(i => i.Status == IssueStatus.Open && i.DueOn < today)
                : query.Where(i => !(i.Status == IssueStatus.Open && i.DueOn < today));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await RowsAsync(db, query.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Skip(page.Skip).Take(page.Size), today,
            cancellationToken);
        return new Page<IssueRow>(items, total, page.Number, page.Size);
    }

    public async Task<IssueRow> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await RowsAsync(db, db.ChiefIssues.AsNoTracking().Where(i => i.Id == id), clock.Today(), cancellationToken))
               .SingleOrDefault() ?? throw new NotFound("Issue", id);
    }

    /// <summary>Overdue open issues by escalation level, the highest level first.</summary>
    public async Task<IReadOnlyList<EscalationGroup>> BoardAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var overdue = await RowsAsync(db, db.ChiefIssues.AsNoTracking()
            .Where(i => i.Status == IssueStatus.Open && i.DueOn < today).OrderBy(i => i.DueOn).ThenBy(i => i.Id), today, cancellationToken);
        return Enumerable.Range(1, escalation.Days.Count).Reverse()
            .Select(level => new EscalationGroup(level, escalation.Days[level - 1],
                overdue.Where(i => i.EscalationLevel == level).ToList()))
            .ToList();
    }

    public IReadOnlyList<int> Levels => escalation.Days;

    private async Task<List<IssueRow>> RowsAsync(ReformDbContext db, IQueryable<ChiefIssue> query, DateOnly today,
        CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(i => new
            {
                Issue = i,
                Assignment = db.ChiefAssignments.Where(a => a.Id == i.AssignmentId)
                    .Select(a => new { a.ObjectKind, a.ObjectId, a.PersonId }).First(),
            })
            .Select(r => new
            {
                r.Issue,
                r.Assignment,
                Chief = db.People.Where(p => p.Id == r.Assignment.PersonId).Select(p => p.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var names = await ChiefObjects.NamesAsync(db, rows.Select(r => (r.Assignment.ObjectKind, r.Assignment.ObjectId)), cancellationToken);
        return rows.Select(r =>
        {
            var i = r.Issue;
            var days = i.DaysOverdue(today);
            return new IssueRow(i.Id, i.AssignmentId, r.Assignment.ObjectKind, r.Assignment.ObjectId,
                names.GetValueOrDefault((r.Assignment.ObjectKind, r.Assignment.ObjectId), "?"), r.Chief, i.InspectionId,
                i.Description, i.RaisedOn, i.DueOn, i.Status, i.RectifiedOn, i.Rectification, i.ClosedOn, i.TimesReopened,
                i.ReopenReason, days, escalation.LevelFor(days), i.Version);
        }).ToList();
    }
}
