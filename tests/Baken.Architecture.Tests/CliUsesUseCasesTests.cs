using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Baken.Architecture.Tests;

/// <summary>
/// The command line is a host: its commands call use cases of Baken.Application (and file formats of Infrastructure),
/// never the database, so web, API and CLI run the same rules. Checked on the compiled IL of the <c>baken</c> assembly,
/// method bodies included, so a <c>session.Get&lt;IBakenDb&gt;()</c> inside a lambda or an async method counts too.
/// </summary>
public sealed class CliUsesUseCasesTests
{
    private static readonly string[] Database =
    [
        "Baken.Application.Common.IBakenDb",
        "Baken.Infrastructure.Persistence.BakenDbContext",
    ];

    /// <summary>
    /// The composition root's one exception: <c>CliSession</c> reads the acting user with one plain SQL query on a system
    /// context before the services exist (EF Core's first query costs a compilation; docs/performance.md, CLI start-up),
    /// then hands every command a scope of use cases bound to that user.
    /// </summary>
    private static readonly string[] CompositionRoot = ["Baken.Cli.CliSession"];

    [Fact]
    public void CliTypes_OtherThanTheCompositionRoot_NeverTouchTheDatabase()
    {
        var offenders = DatabaseUsers().Where(u => !CompositionRoot.Contains(u.Type)).Select(u => $"{u.Type} uses {u.Uses}").ToList();
        offenders.ShouldBeEmpty("CLI commands call use cases in Baken.Application; move what touches IBakenDb into one (docs/architecture.md)");
    }

    [Fact]
    public void TheCheck_SeesTheCompositionRootsOwnUse()
    {
        // Without this the rule above would also pass on a scan that sees nothing.
        DatabaseUsers().ShouldContain(u => u.Type == "Baken.Cli.CliSession" && u.Uses == "Baken.Infrastructure.Persistence.BakenDbContext");
    }

    /// <summary>Every top-level CLI type (its lambdas, async state machines and other nested types counted as its own) with each database type it names.</summary>
    private static List<(string Type, string Uses)> DatabaseUsers()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Baken.Cli.CliSession).Assembly.Location);
        return module.GetTypes()
            .SelectMany(t => Referenced(t).Select(r => (Type: Outermost(t).FullName, Uses: r)))
            .Where(u => Database.Contains(u.Uses))
            .Distinct().ToList();
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static IEnumerable<string> Referenced(TypeDefinition type)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null: return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments) Add(a);
                    return;
                case TypeSpecification s: // arrays, by-ref, pointers, modifiers
                    Add(s.ElementType);
                    return;
                default:
                    found.Add(t.FullName);
                    return;
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) Add(a);
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var f in type.Fields) Add(f.FieldType);
        foreach (var p in type.Properties) Add(p.PropertyType);
        foreach (var m in type.Methods)
        {
            AddMethod(m);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType);
            foreach (var instruction in m.Body.Instructions)
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference r: AddMethod(r); break;
                    case FieldReference f: Add(f.DeclaringType); Add(f.FieldType); break;
                    case CallSite c: Add(c.ReturnType); foreach (var p in c.Parameters) Add(p.ParameterType); break;
                }
        }
        return found;
    }
}
