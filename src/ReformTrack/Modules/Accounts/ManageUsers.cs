using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Accounts;

/// <summary>What an administrator asks for to add a user; the password is generated when none is given.</summary>
internal sealed record NewUser(string? Email, Role? Role, string? UnitCode, string? DisplayName, string? Password);

/// <summary>A user was added; <see cref="GeneratedPassword"/> is shown once and never stored in clear.</summary>
internal sealed record AddedUser(int Id, string Email, Role Role, int? UnitId, string? GeneratedPassword);

/// <summary>A user as the administrator's list shows it.</summary>
internal sealed record UserRow(int Id, string Email, string DisplayName, Role Role, string? UnitCode, bool Disabled);

/// <summary>
/// Adds users (an email, a role and, except for administrators, the unit of their scope), changes
/// their role and unit, disables and enables them. A disabled user can neither sign in nor use a
/// token, and open sessions end at their next check.
/// </summary>
internal sealed class ManageUsers(UserManager<User> users, ReformDbContext db, TimeProvider clock)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.Role, u.LockoutEnd,
                UnitCode = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Code).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.UnitCode,
            u.LockoutEnd is { } end && end > now.AddYears(100))).ToList();
    }

    public async Task ChangeRoleAsync(int userId, Role? role, string? unitCode, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                   ?? throw new NotFound("User", userId);
        user.Role = Fields.Required(role, "role");
        user.UnitId = await UnitIdAsync(user.Role, unitCode, cancellationToken);
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task SetDisabledAsync(int userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                   ?? throw new NotFound("User", userId);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw Violation(result);
        }
    }

    private async Task<int?> UnitIdAsync(Role role, string? unitCode, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var code = unitCode.Trim();
            return await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new RuleViolation("UserUnitExists", "There is no unit with the code {0}.", "unit", code);
        }

        return role == Role.Admin
            ? null
            : throw new RuleViolation("UserBelongsToAUnit",
                "Every user but an administrator belongs to a unit, whose subtree is the user's scope.", "unit");
    }

    public async Task<AddedUser> AddAsync(NewUser request, CancellationToken cancellationToken = default)
    {
        var email = Fields.Required(request.Email, 256, "email");
        if (!email.Contains('@', StringComparison.Ordinal))
        {
            throw new RuleViolation("UserEmailIsAnAddress", "The email is an address such as name@example.org.", "email");
        }

        var role = Fields.Required(request.Role, "role");
        var unitId = await UnitIdAsync(role, request.UnitCode, cancellationToken);

        var generated = string.IsNullOrEmpty(request.Password) ? NewPassword() : null;
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(),
            Role = role,
            UnitId = unitId,
            CreatedAt = clock.UtcNow(),
        };
        var result = await users.CreateAsync(user, generated ?? request.Password!);
        if (!result.Succeeded)
        {
            throw Violation(result);
        }

        return new AddedUser(user.Id, email, role, unitId, generated);
    }

    /// <summary>Identity's own refusals (a taken email, a weak password) as rule violations naming the field.</summary>
    public static RuleViolation Violation(IdentityResult result)
    {
        var error = result.Errors.First();
        return error.Code switch
        {
            "DuplicateUserName" or "DuplicateEmail" =>
                new RuleViolation("UserEmailIsUnique", "A user with this email exists already.", "email"),
            "PasswordMismatch" =>
                new RuleViolation("PasswordIsTheCurrentOne", "The current password is not correct.", "currentPassword"),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) =>
                new RuleViolation("PasswordIsStrongEnough",
                    "A password has at least 12 characters, with upper- and lower-case letters and a digit.", "password"),
            _ => new RuleViolation("UserIsValid", "The user could not be saved: {0}", null, error.Description),
        };
    }

    /// <summary>16 characters from an alphabet without look-alikes, always with each required kind.</summary>
    public static string NewPassword()
    {
        while (true)
        {
            var chars = new char[16];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)];
            }

            var password = new string(chars);
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit))
            {
                return password;
            }
        }
    }
}
