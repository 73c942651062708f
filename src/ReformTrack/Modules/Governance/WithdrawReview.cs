using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>Takes a deferred document off a meeting's record (a passing decision stays).</summary>
internal sealed class WithdrawReview(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task RunAsync(int meetingId, int documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.Reviews).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
                      ?? throw new NotFound("Meeting", meetingId);
        meeting.WithdrawReview(documentId);
        db.MarkChanged(meeting);
        await db.SaveChangesAsync(cancellationToken);
    }
}
