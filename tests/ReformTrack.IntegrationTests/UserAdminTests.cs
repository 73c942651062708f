using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>An administrator changes a user's role and unit, and disables and enables users.</summary>
public sealed class UserAdminTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<T> WithUsersAsync<T>(Func<ManageUsers, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<ManageUsers>());
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_once_and_enabled_again_later()
    {
        var unit = await new LedgerTestData(app).AddUnitAsync();
        var user = app.CreateUser(Role.Viewer, unit.Code);
        using var client = app.CreateClientFor(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/measures")).StatusCode);

        await WithUsersAsync(async m => { await m.SetDisabledAsync(user.Id, true); return 0; });
        var whileDisabled = (await client.GetAsync("/api/v1/measures")).StatusCode;
        var listed = await WithUsersAsync(m => m.ListAsync());
        await WithUsersAsync(async m => { await m.SetDisabledAsync(user.Id, false); return 0; });

        Assert.Equal(HttpStatusCode.Unauthorized, whileDisabled);
        Assert.True(listed.Single(u => u.Id == user.Id).Disabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/measures")).StatusCode);
    }

    [Fact]
    public async Task A_new_role_applies_to_the_users_next_request()
    {
        var unit = await new LedgerTestData(app).AddUnitAsync();
        var user = app.CreateUser(Role.Viewer, unit.Code);
        using var client = app.CreateClientFor(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/measures", new { })).StatusCode);

        await WithUsersAsync(async m => { await m.ChangeRoleAsync(user.Id, Role.Office, unit.Code); return 0; });

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/v1/measures", new { })).StatusCode);
        var row = (await WithUsersAsync(m => m.ListAsync())).Single(u => u.Id == user.Id);
        Assert.Equal((Role.Office, unit.Code), (row.Role, row.UnitCode));
    }

    [Fact]
    public async Task Only_administrators_open_the_users_page()
    {
        var unit = await new LedgerTestData(app).AddUnitAsync();
        var office = app.CreateUser(Role.Office, unit.Code);
        using var admin = app.CreateClient();
        using var officeClient = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        officeClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", office.Token);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        var refused = await officeClient.GetAsync("/admin/users");

        Assert.Contains(office.Email, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_users_page_adds_a_user_and_shows_the_generated_password_once()
    {
        var unit = await new LedgerTestData(app).AddUnitAsync();
        using var admin = app.CreateClient();
        var form = await admin.GetStringAsync("/admin/users");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var email = $"{Guid.NewGuid():N}@example.org";

        var added = WebUtility.HtmlDecode(await (await admin.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-user",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["NewUser.Email"] = email,
            ["NewUser.Name"] = "鼓楼区联络员 陈明",
            ["NewUser.Role"] = "Liaison",
            ["NewUser.Unit"] = unit.Code,
        }))).Content.ReadAsStringAsync());
        var password = System.Text.RegularExpressions.Regex.Match(added, "id=\"user-password\">([^<]+)<").Groups[1].Value;

        Assert.Contains($"Added {email}.", added, StringComparison.Ordinal);
        Assert.Equal(16, password.Length);
        var row = (await WithUsersAsync(m => m.ListAsync())).Single(u => u.Email == email);
        Assert.Equal((Role.Liaison, unit.Code, "鼓楼区联络员 陈明"), (row.Role, row.UnitCode, row.DisplayName));
        Assert.DoesNotContain(password, WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users")), StringComparison.Ordinal);
    }
}
