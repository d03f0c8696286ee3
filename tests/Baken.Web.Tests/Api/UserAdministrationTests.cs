using System.Net;
using System.Text.RegularExpressions;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;

namespace Baken.Web.Tests.Api;

/// <summary>An administrator changes an account on its page; the account's open browser session follows at once.</summary>
public sealed class UserAdministrationTests
{
    [Fact]
    public async Task LoweringAClearance_OnTheUserPage_HidesClassifiedRecordsFromTheOpenSession()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await using (var db = app.Database.Context(FixedUser.System))
            (await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("risk", "R-GEHEIM", new Dictionary<string, string?>
                { ["title"] = "MARK-STG-G", ["kind"] = "threat", ["classification"] = "Stg.G" }, SaveMode.Create))).IsOk.ShouldBeTrue();
        var analyst = await app.SignedInClientAsync("analist", ClassificationLevel.StaatsgeheimGeheim);
        var admin = await app.SignedInClientAsync("beheer", ClassificationLevel.StaatsgeheimGeheim, "Administrator");
        (await analyst.GetStringAsync("/register/risk")).ShouldContain("MARK-STG-G");

        var page = await admin.GetStringAsync("/admin/users/analist");
        page.ShouldContain("Staatsgeheim Geheim");
        var changed = await admin.PostAsync("/admin/users/analist", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("_handler", "change-access"), new("__RequestVerificationToken", Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value),
            new("clearance", "Dep.V"), new("compartments", ""), new("roles", "Analyst"),
        }));
        (await changed.Content.ReadAsStringAsync()).ShouldContain("Toegang gewijzigd");

        // The same cookie, the next request: the session now carries Dep.V.
        var after = await analyst.GetStringAsync("/register/risk");
        after.ShouldNotContain("MARK-STG-G");
        after.ShouldContain("Dep.V");
        (await analyst.GetAsync("/register/risk/R-GEHEIM")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetStringAsync("/register/risk/R-GEHEIM")).ShouldNotContain("MARK-STG-G");
    }

    [Fact]
    public async Task AnAnalyst_CannotOpenTheUserPages()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var analyst = await app.SignedInClientAsync("analist", ClassificationLevel.StaatsgeheimGeheim);
        var response = await analyst.GetAsync("/admin/users/analist");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/denied");
    }
}
