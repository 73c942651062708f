using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record ReviewInput(int? DocumentId, ReviewOutcome? Outcome);

/// <summary>Records that a meeting passed or deferred a document (again: the latest decision of that meeting counts).</summary>
internal sealed class ReviewDocument(IDbContextFactory<ReformDbContext> dbFactory, GetMeeting getMeeting)
{
    public async Task<MeetingDetail> RunAsync(int meetingId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var meeting = await db.Meetings.Include(m => m.Reviews).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
                          ?? throw new NotFound("Meeting", meetingId);
            var documentId = Fields.Required(input.DocumentId, "documentId");
            var outcome = Fields.Required(input.Outcome, "outcome");
            if (!await db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken))
            {
                throw References.Missing("document", documentId, "documentId");
            }

            var passedElsewhere = await db.DocumentReviews.AnyAsync(
                r => r.DocumentId == documentId && r.MeetingId != meetingId && r.Outcome == ReviewOutcome.Passed,
                cancellationToken);
            meeting.Review(documentId, outcome, passedElsewhere);
            db.MarkChanged(meeting);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getMeeting.RunAsync(meetingId, cancellationToken);
    }
}
