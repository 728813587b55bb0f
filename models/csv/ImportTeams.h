#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

class EmployeeStore;

// The teams an import's rows name, matched without regard to case. With
// --create-teams a name that matches none is created through the store
// (trimmed, as the file spells it first) the first time a valid row needs
// it, inside the import's transaction: a rolled-back, dry-run or cancelled
// import leaves no team behind.
//
// known() runs on the pool threads while the writing thread validates and
// writes; it reads only what load() read, which nothing changes during the
// import. The teams created meanwhile live in a map of their own that only
// the writing thread (resolve()) touches.
class ImportTeams
{
    Q_DECLARE_TR_FUNCTIONS(ImportTeams)
public:
    explicit ImportTeams(EmployeeStore *store) : m_store(store) { }

    // Reads the existing teams; `createMissing`: --create-teams. On
    // PostgreSQL it also asks the server whether this role may create teams.
    void load(bool createMissing);
    bool createsMissing() const { return m_createMissing; }
    // The id of the existing team called `name` in any case, 0 if none.
    qint64 known(const QString &name) const;
    // Writing thread, in the import's transaction: the id of the team called
    // `name`, created on first use. 0 and *reason when it cannot be.
    qint64 resolve(const QString &name, QString *reason);
    // The teams created so far, as named (what the report lists).
    QStringList created() const { return m_createdNames; }
    // Writing thread, before the import commits: deletes again the teams it
    // created that no written row uses (their rows were skipped, refused as
    // duplicates or left unchanged), so that the import adds no empty team.
    void dropUnused();

private:
    static QString key(const QString &name) { return name.trimmed().toCaseFolded(); }

    EmployeeStore *m_store;
    bool m_createMissing = false;
    bool m_mayCreate = true;
    QHash<QString, qint64> m_known;     // case-folded name -> id, read by load()
    QHash<QString, qint64> m_created;   // created by this import
    QHash<QString, QString> m_refused;  // why a name could not be created, asked once
    QStringList m_createdNames;
};
