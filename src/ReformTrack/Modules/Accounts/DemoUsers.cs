namespace ReformTrack.Modules.Accounts;

/// <summary>
/// The users of a fresh demo: one of each role, their passwords generated and printed once to
/// the console, so that no password is ever written in the code or the documentation.
/// </summary>
internal sealed class DemoUsers(ManageUsers users)
{
    private static readonly NewUser[] People =
    [
        new("admin@demo.reformtrack.org", Role.Admin, null, "系统管理员", null),
        new("office@demo.reformtrack.org", Role.Office, "FZ", "市委改革办 李华", null),
        new("leader@demo.reformtrack.org", Role.Leader, "FZ", "市委深改委 陈静", null),
        new("liaison@demo.reformtrack.org", Role.Liaison, "FZ-GL", "鼓楼区联络员 王明", null),
        new("viewer@demo.reformtrack.org", Role.Viewer, "FZ", "观察员 赵敏", null),
    ];

    public async Task<IReadOnlyList<AddedUser>> CreateAsync(CancellationToken cancellationToken = default)
    {
        var added = new List<AddedUser>();
        foreach (var person in People)
        {
            added.Add(await users.AddAsync(person, cancellationToken));
        }

        Console.WriteLine("Demo users (these passwords are shown once; change them after signing in):");
        foreach (var user in added)
        {
            Console.WriteLine($"  {user.Role,-8} {user.Email,-32} {user.GeneratedPassword}");
        }

        return added;
    }
}
