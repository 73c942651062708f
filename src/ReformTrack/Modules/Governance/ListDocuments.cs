using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record DocumentFilter(DocumentKind? Kind = null, string? Text = null, int? ParentId = null, bool? Passed = null);

internal sealed record MeetingRef(int Id, int Number, DateOnly HeldOn, string Title);

internal sealed record DocumentRow(
    int Id,
    string Number,
    string Title,
    DocumentKind Kind,
    int? ParentId,
    DateOnly? IssuedOn,
    MeetingRef? PassedAt,
    int MeasureCount,
    int ClauseCount,
    int ClausesWithoutMeasures);

/// <summary>Documents, newest issued first, with where they were passed and how far they are broken down into measures.</summary>
internal sealed class ListDocuments(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<Page<DocumentRow>> RunAsync(DocumentFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = db.Documents.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (filter.ParentId is { } parentId)
        {
            documents = documents.Where(d => d.ParentId == parentId);
        }

        if (filter.Passed is { } passed)
        {
            documents = documents.Where(d =>
                db.DocumentReviews.Any(r => r.DocumentId == d.Id && r.Outcome == ReviewOutcome.Passed) == passed);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            documents = db.IsSqlite
                ? documents.Where(d => d.Number.Contains(text) || d.Title.Contains(text))
                : documents.Where(d => EF.Functions.ILike(d.Number, "%" + Like.Escape(text) + "%", "\\")
                                       || EF.Functions.ILike(d.Title, "%" + Like.Escape(text) + "%", "\\"));
        }

        var total = await documents.CountAsync(cancellationToken);
        var rows = await documents
            .OrderBy(d => d.IssuedOn == null).ThenByDescending(d => d.IssuedOn).ThenBy(d => d.Number).ThenBy(d => d.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(d => new
            {
                d.Id,
                d.Number,
                d.Title,
                d.Kind,
                d.ParentId,
                d.IssuedOn,
                PassedAt = db.DocumentReviews
                    .Where(r => r.DocumentId == d.Id && r.Outcome == ReviewOutcome.Passed)
                    .Select(r => (int?)r.MeetingId).FirstOrDefault(),
                // Each part uses its own index: measures naming the document, plus those citing
                // one of its clauses without naming it.
                Measures = db.Measures.Count(m => m.DocumentId == d.Id)
                           + db.DocumentClauses.Where(c => c.DocumentId == d.Id)
                               .Join(db.Measures, c => (int?)c.Id, m => m.ClauseId, (c, m) => m)
                               .Count(m => m.DocumentId == null || m.DocumentId != d.Id),
                Clauses = d.Clauses.Count,
                Bare = d.Clauses.Count(c => !db.Measures.Any(m => m.ClauseId == c.Id)),
            })
            .ToListAsync(cancellationToken);

        var meetingIds = rows.Where(r => r.PassedAt is not null).Select(r => r.PassedAt!.Value).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id))
            .Select(m => new MeetingRef(m.Id, m.Number, m.HeldOn, m.Title))
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        var items = rows.Select(r => new DocumentRow(r.Id, r.Number, r.Title, r.Kind, r.ParentId, r.IssuedOn,
                r.PassedAt is { } meetingId ? meetings[meetingId] : null, r.Measures, r.Clauses, r.Bare))
            .ToList();
        return new Page<DocumentRow>(items, total, page.Number, page.Size);
    }
}

internal static class Like
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
