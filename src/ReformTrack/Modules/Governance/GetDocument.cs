using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record DocumentRef(int Id, string Number, string Title, DocumentKind Kind);

internal sealed record ClauseView(int Id, int Number, string Text, int MeasureCount);

internal sealed record IntroducedMeasure(int Id, string Code, string Title, int? ClauseNumber);

internal sealed record DocumentMeeting(int MeetingId, int Number, DateOnly HeldOn, string Title, ReviewOutcome Outcome);

internal sealed record DocumentDetail(
    int Id,
    string Number,
    string Title,
    DocumentKind Kind,
    int? ParentId,
    DocumentRef? Parent,
    DateOnly? IssuedOn,
    IReadOnlyList<ClauseView> Clauses,
    IReadOnlyList<DocumentRef> Children,
    IReadOnlyList<DocumentMeeting> Meetings,
    IReadOnlyList<IntroducedMeasure> Measures,
    IReadOnlyList<ClauseView> ClausesWithoutMeasures,
    int Version);

/// <summary>
/// One document: its clauses, its supporting documents, the meetings that reviewed it, the
/// measures it introduced and the clauses that no measure carries out yet. Clause coverage is
/// counted over the whole programme; the measures listed are only those the user may see.
/// </summary>
internal sealed class GetDocument(IDbContextFactory<ReformDbContext> dbFactory, ScopedDb scopedDb)
{
    public async Task<DocumentDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().Include(d => d.Clauses)
                           .FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                       ?? throw new NotFound("Document", id);
        var parent = document.ParentId is { } parentId
            ? await db.Documents.AsNoTracking().Where(d => d.Id == parentId)
                .Select(d => new DocumentRef(d.Id, d.Number, d.Title, d.Kind)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var children = await db.Documents.AsNoTracking().Where(d => d.ParentId == id).OrderBy(d => d.Number)
            .Select(d => new DocumentRef(d.Id, d.Number, d.Title, d.Kind)).ToListAsync(cancellationToken);
        var meetings = await db.DocumentReviews.AsNoTracking().Where(r => r.DocumentId == id)
            .Join(db.Meetings, r => r.MeetingId, m => m.Id,
                (r, m) => new DocumentMeeting(m.Id, m.Number, m.HeldOn, m.Title, r.Outcome))
            .ToListAsync(cancellationToken);

        var clauseIds = document.Clauses.Select(c => c.Id).ToList();
        var perClause = await db.Measures.AsNoTracking()
            .Where(m => m.ClauseId != null && clauseIds.Contains(m.ClauseId.Value))
            .GroupBy(m => m.ClauseId!.Value)
            .Select(g => new { ClauseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ClauseId, g => g.Count, cancellationToken);

        await using var scoped = await scopedDb.CreateDbContextAsync(cancellationToken);
        var measures = await scoped.Measures.AsNoTracking()
            .Where(m => m.DocumentId == id || (m.ClauseId != null && clauseIds.Contains(m.ClauseId.Value)))
            .OrderBy(m => m.Code)
            .Select(m => new { m.Id, m.Code, m.Title, m.ClauseId })
            .ToListAsync(cancellationToken);

        var numbers = document.Clauses.ToDictionary(c => c.Id, c => c.Number);
        var clauses = document.Clauses.OrderBy(c => c.Number)
            .Select(c => new ClauseView(c.Id, c.Number, c.Text, perClause.GetValueOrDefault(c.Id)))
            .ToList();

        return new DocumentDetail(document.Id, document.Number, document.Title, document.Kind, document.ParentId, parent,
            document.IssuedOn, clauses, children,
            meetings.OrderBy(m => m.HeldOn).ThenBy(m => m.MeetingId).ToList(),
            measures.Select(m => new IntroducedMeasure(m.Id, m.Code, m.Title,
                m.ClauseId is { } clauseId && numbers.TryGetValue(clauseId, out var number) ? number : null)).ToList(),
            clauses.Where(c => c.MeasureCount == 0).ToList(),
            document.Version);
    }
}
