using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>What a client sends to create or change a meeting. The body is the unit that met (commission, group).</summary>
internal sealed record MeetingInput(int? Number, DateOnly? HeldOn, int? BodyUnitId, string? Title, string? Agenda);

internal sealed class CreateMeeting(IDbContextFactory<ReformDbContext> dbFactory, GetMeeting getMeeting)
{
    public async Task<MeetingDetail> RunAsync(MeetingInput input, CancellationToken cancellationToken = default)
    {
        var meeting = Meeting.New(input.Number, input.HeldOn, input.Title, input.Agenda);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            meeting.BodyUnitId = await ExistingBodyAsync(db, input.BodyUnitId, cancellationToken);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getMeeting.RunAsync(meeting.Id, cancellationToken);
    }

    public static async Task<int> ExistingBodyAsync(ReformDbContext db, int? bodyUnitId, CancellationToken cancellationToken)
    {
        var id = Fields.Required(bodyUnitId, "bodyUnitId");
        return await db.Units.AnyAsync(u => u.Id == id, cancellationToken)
            ? id
            : throw References.Missing("unit", id, "bodyUnitId");
    }
}
