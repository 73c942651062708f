using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record ReviewedDocument(int DocumentId, string Number, string Title, DocumentKind Kind,
    ReviewOutcome Outcome);

internal sealed record MeetingDetail(
    int Id,
    int Number,
    DateOnly HeldOn,
    int BodyUnitId,
    string BodyName,
    string Title,
    string? Agenda,
    IReadOnlyList<ReviewedDocument> Documents,
    int Version);

/// <summary>One meeting with its agenda and the documents it reviewed.</summary>
internal sealed class GetMeeting(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<MeetingDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                      ?? throw new NotFound("Meeting", id);
        var body = await db.Units.Where(u => u.Id == meeting.BodyUnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var documents = await db.DocumentReviews.AsNoTracking()
            .Where(r => r.MeetingId == id)
            .Join(db.Documents, r => r.DocumentId, d => d.Id,
                (r, d) => new ReviewedDocument(d.Id, d.Number, d.Title, d.Kind, r.Outcome))
            .ToListAsync(cancellationToken);

        return new MeetingDetail(meeting.Id, meeting.Number, meeting.HeldOn, meeting.BodyUnitId, body, meeting.Title,
            meeting.Agenda, documents.OrderBy(d => d.Number, StringComparer.Ordinal).ToList(), meeting.Version);
    }
}
