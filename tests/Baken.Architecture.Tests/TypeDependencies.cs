using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Baken.Architecture.Tests;

/// <summary>
/// What each type of an assembly uses, read from its metadata and its method bodies (IL): base types, fields, properties,
/// signatures, locals and every type, method and field an instruction names, with their generic arguments. Compiler-made
/// types (lambdas, closures, async state machines, a Razor component's render tree) count for the type they were written in,
/// so a page's <c>@inject</c> and a minimal API's handler lambda are both seen.
/// </summary>
public static class TypeDependencies
{
    /// <summary>For each written type (by full name, nested types with '/'), the full names of the types it uses.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Of(Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = WrittenType(type).FullName;
            if (!uses.TryGetValue(owner, out var set)) uses[owner] = set = new HashSet<string>(StringComparer.Ordinal);
            Collect(type, set);
        }
        return uses;
    }

    /// <summary>The types of <paramref name="assembly"/> that use any of <paramref name="forbidden"/>, with what they use.</summary>
    public static IReadOnlyDictionary<string, string[]> Using(Assembly assembly, IReadOnlyCollection<string> forbidden) =>
        Of(assembly).Select(kv => (kv.Key, Used: kv.Value.Where(forbidden.Contains).Order(StringComparer.Ordinal).ToArray()))
            .Where(x => x.Used.Length > 0).ToDictionary(x => x.Key, x => x.Used, StringComparer.Ordinal);

    // A compiler-generated nested type (<>c, <>c__DisplayClass, <Method>d__3) belongs to the type that declares it.
    private static TypeDefinition WrittenType(TypeDefinition type)
    {
        while (type.DeclaringType is not null && type.Name.Contains('<', StringComparison.Ordinal)) type = type.DeclaringType;
        return type;
    }

    private static void Collect(TypeDefinition type, HashSet<string> set)
    {
        Add(type.BaseType, set);
        foreach (var i in type.Interfaces) Add(i.InterfaceType, set);
        foreach (var f in type.Fields) Add(f.FieldType, set);
        foreach (var p in type.Properties) Add(p.PropertyType, set);
        foreach (var m in type.Methods)
        {
            Add(m.ReturnType, set);
            foreach (var p in m.Parameters) Add(p.ParameterType, set);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType, set);
            foreach (var instruction in m.Body.Instructions) AddOperand(instruction, set);
        }
    }

    private static void AddOperand(Instruction instruction, HashSet<string> set)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                Add(t, set);
                break;
            case MethodReference m:
                Add(m.DeclaringType, set);
                Add(m.ReturnType, set);
                foreach (var p in m.Parameters) Add(p.ParameterType, set);
                if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) Add(a, set);
                break;
            case FieldReference f:
                Add(f.DeclaringType, set);
                Add(f.FieldType, set);
                break;
            case CallSite c: // calli: its signature's types
                Add(c.ReturnType, set);
                foreach (var p in c.Parameters) Add(p.ParameterType, set);
                break;
        }
    }

    private static void Add(TypeReference? type, HashSet<string> set)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType g:
                Add(g.ElementType, set);
                foreach (var a in g.GenericArguments) Add(a, set);
                return;
            case TypeSpecification s: // arrays, by-ref, pointers, modifiers
                Add(s.ElementType, set);
                return;
            default:
                set.Add(type.FullName);
                return;
        }
    }
}
