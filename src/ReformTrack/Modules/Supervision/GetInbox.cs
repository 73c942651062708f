using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

/// <summary>What a user's inbox lists: each kind is computed from the user's role and unit subtree.</summary>
internal enum UpdateKind
{
    /// <summary>A measure of the unit has no report for the month that is due (liaisons).</summary>
    ReportDue,

    /// <summary>A supervision item waits for the unit's response (liaisons).</summary>
    ItemToAnswer,

    /// <summary>A submitted report waits for review (office).</summary>
    ReportToReview,

    /// <summary>The unit has responded; the office may close the item (office).</summary>
    ItemToClose,

    /// <summary>An extension request waits for a decision (leaders).</summary>
    ExtensionToDecide,

    /// <summary>An item has climbed to a leader's instruction (leaders).</summary>
    InstructionDue,

    /// <summary>A pilot held in the subtree is due for its evaluation soon, or overdue (liaisons, leaders, office).</summary>
    PilotEvaluationDue,
}

internal sealed record InboxEntry(UpdateKind Kind, string Code, string Title, string Link, DateOnly? Date);

/// <summary>"My updates": how many of each kind, and the first entries of each.</summary>
internal sealed record Inbox(int Total, IReadOnlyDictionary<UpdateKind, int> Counts, IReadOnlyList<InboxEntry> Entries);

/// <summary>
/// Computes a user's updates from the data, never stored: reports due, items to answer, reports to
/// review, extension requests to decide, pilots due for evaluation — each within the user's unit subtree and by role.
/// </summary>
internal sealed class GetInbox(IDbContextFactory<ReformDbContext> factory, UserScope scope, TimeProvider clock,
    SupervisionOptions options)
{
    /// <summary>How many entries of each kind are listed (all are counted).</summary>
    public const int ListedPerKind = 20;

    public async Task<Inbox> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await ForAsync(RoleOf(user), await scope.PathAsync(cancellationToken), listEntries: true, cancellationToken);

    /// <summary>Only the counts, as the app bar shows them on every page: no entry is read.</summary>
    public async Task<int> CountForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await ForAsync(RoleOf(user), await scope.PathAsync(cancellationToken), listEntries: false, cancellationToken)).Total;

    public Task<Inbox> ForAsync(Role role, string? scopePath, CancellationToken cancellationToken = default) =>
        ForAsync(role, scopePath, listEntries: true, cancellationToken);

    private static Role RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : Role.Viewer;

    private async Task<Inbox> ForAsync(Role role, string? scopePath, bool listEntries, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ScopePath = scopePath;
        var today = clock.Today();
        var counts = new Dictionary<UpdateKind, int>();
        var entries = new List<InboxEntry>();

        if (role is Role.Liaison or Role.Admin)
        {
            var (period, periodEnd) = options.PeriodDue(today);
            var due = db.Measures.AsNoTracking()
                .Where(m => m.Status == MeasureStatus.Active && m.StartOn <= periodEnd
                            && !db.ProgressReports.Any(p => p.MeasureId == m.Id && p.Content.Period == period));
            counts[UpdateKind.ReportDue] = await due.CountAsync(cancellationToken);
            if (listEntries)
            {
                entries.AddRange((await due.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Take(ListedPerKind)
                        .Select(m => new { m.Id, m.Code, m.Title }).ToListAsync(cancellationToken))
                    .Select(m => new InboxEntry(UpdateKind.ReportDue, m.Code, m.Title, $"/measures/{m.Id}", null)));
            }

            await AddItemsAsync(db, listEntries, UpdateKind.ItemToAnswer, db.SupervisionItems.Where(i => i.Status == SupervisionStatus.Open),
                counts, entries, cancellationToken);
        }

        if (role is Role.Office or Role.Admin)
        {
            var review = db.ProgressReports.AsNoTracking().Where(p => p.Status == ReportStatus.Submitted);
            counts[UpdateKind.ReportToReview] = await review.CountAsync(cancellationToken);
            if (listEntries)
            {
                entries.AddRange((await review.OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).Take(ListedPerKind)
                        .Select(p => new
                        {
                            p.MeasureId,
                            p.Content.Period,
                            Code = db.Measures.Where(m => m.Id == p.MeasureId).Select(m => m.Code).First(),
                            Title = db.Measures.Where(m => m.Id == p.MeasureId).Select(m => m.Title).First(),
                        })
                        .ToListAsync(cancellationToken))
                    .Select(p => new InboxEntry(UpdateKind.ReportToReview, p.Code, $"{p.Title} ({p.Period})", $"/measures/{p.MeasureId}", null)));
            }

            await AddItemsAsync(db, listEntries, UpdateKind.ItemToClose, db.SupervisionItems.Where(i => i.Status == SupervisionStatus.Answered),
                counts, entries, cancellationToken);
        }

        if (role is Role.Leader or Role.Admin)
        {
            var pending = db.ExtensionRequests.AsNoTracking().Where(e => e.Status == ExtensionStatus.Pending);
            counts[UpdateKind.ExtensionToDecide] = await pending.CountAsync(cancellationToken);
            if (listEntries)
            {
                entries.AddRange((await pending.OrderBy(e => e.RequestedAt).Take(ListedPerKind)
                        .Select(e => new
                        {
                            e.MeasureId,
                            e.RequestedDueOn,
                            Code = db.Measures.Where(m => m.Id == e.MeasureId).Select(m => m.Code).First(),
                            Title = db.Measures.Where(m => m.Id == e.MeasureId).Select(m => m.Title).First(),
                        })
                        .ToListAsync(cancellationToken))
                    .Select(e => new InboxEntry(UpdateKind.ExtensionToDecide, e.Code, e.Title, "/supervision?tab=extensions", e.RequestedDueOn)));
            }

            if (role == Role.Leader)
            {
                await AddItemsAsync(db, listEntries, UpdateKind.InstructionDue, db.SupervisionItems.Where(i =>
                    i.Status == SupervisionStatus.Open && i.Level == SupervisionLevel.Instruction), counts, entries, cancellationToken);
            }
        }

        if (role is not Role.Viewer)
        {
            // Pilots are scoped by their holder unit, so a unit's users see their own pilots' evaluations coming.
            var by = today.AddDays(options.PilotEvaluationWithinDays);
            var pilots = db.Pilots.AsNoTracking().Where(p => (p.Status == PilotStatus.Granted || p.Status == PilotStatus.UnderEvaluation)
                                                              && p.EvaluationDueOn != null && p.EvaluationDueOn <= by);
            counts[UpdateKind.PilotEvaluationDue] = await pilots.CountAsync(cancellationToken);
            if (listEntries)
            {
                entries.AddRange((await pilots.OrderBy(p => p.EvaluationDueOn).ThenBy(p => p.Id).Take(ListedPerKind)
                        .Select(p => new { p.Id, p.Name, p.EvaluationDueOn })
                        .ToListAsync(cancellationToken))
                    .Select(p => new InboxEntry(UpdateKind.PilotEvaluationDue, "", p.Name, $"/pilots/{p.Id}", p.EvaluationDueOn)));
            }
        }

        return new Inbox(counts.Values.Sum(), counts, entries);
    }

    private static async Task AddItemsAsync(ReformDbContext db, bool listEntries, UpdateKind kind, IQueryable<SupervisionItem> items,
        Dictionary<UpdateKind, int> counts, List<InboxEntry> entries, CancellationToken cancellationToken)
    {
        counts[kind] = await items.CountAsync(cancellationToken);
        if (!listEntries)
        {
            return;
        }

        entries.AddRange((await items.AsNoTracking().OrderByDescending(i => i.Level).ThenBy(i => i.OpenedOn).ThenBy(i => i.Id)
                .Take(ListedPerKind)
                .Select(i => new
                {
                    i.Id,
                    i.Rule,
                    i.RespondBy,
                    Code = db.Measures.Where(m => m.Id == i.MeasureId).Select(m => m.Code).First(),
                    Title = db.Measures.Where(m => m.Id == i.MeasureId).Select(m => m.Title).First(),
                })
                .ToListAsync(cancellationToken))
            .Select(i => new InboxEntry(kind, i.Code, i.Title, $"/supervision?item={i.Id}", i.RespondBy)));
    }
}
