using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed class UpdateMeeting(IDbContextFactory<ReformDbContext> dbFactory, GetMeeting getMeeting)
{
    public async Task<MeetingDetail> RunAsync(int id, int ifMatch, MeetingInput input,
        CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                          ?? throw new NotFound("Meeting", id);
            StaleVersion.Check("Meeting", id, ifMatch, meeting.Version);
            meeting.Describe(input.Number, input.HeldOn, input.Title, input.Agenda);
            meeting.BodyUnitId = await CreateMeeting.ExistingBodyAsync(db, input.BodyUnitId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getMeeting.RunAsync(id, cancellationToken);
    }
}
