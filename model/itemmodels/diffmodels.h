#pragma once

#include "diff/checkpointdiff.h"
#include "diff/difftree.h"

#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QColor>
#include <QSortFilterProxyModel>

#include <memory>

namespace torchscope {

// How a status looks in the tree and the table, the same colour in both.
QColor diffStatusColor(DiffStatus status);
// "identical", "changed", "only in A"... for people, translated.
QString diffStatusText(DiffStatus status);
// A statistic for people: `digits` significant digits in the locale's form, "∞" and "—" (undefined).
QString diffNumber(double value, int digits = 4);
// A cosine similarity to `decimals` places, "—" where undefined.
QString diffCosine(double cosine, int decimals);

// The module tree of a comparison, each module coloured by the status of its subtree, with how many
// of its tensors differ and the largest relative change below it.
class DiffTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, StatusColumn, DifferentColumn, LargestChangeColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit DiffTreeModel(QObject *parent = nullptr);
    void setResult(std::shared_ptr<const ComparisonResult> result);
    const DiffModule *module(const QModelIndex &index) const;
    QModelIndex indexOf(const DiffModule *module) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ComparisonResult> m_result;
};

// One row a matched name: status, dtypes, shapes and the statistics, sortable by number.
class DiffTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        DTypeColumn,
        ShapeColumn,
        MaxAbsColumn,
        MeanAbsColumn,
        RelL2Column,
        ChangedColumn,
        CosineColumn,
        RequiresGradColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, DiffIndexRole, NameRole, DifferentRole };

    explicit DiffTableModel(QObject *parent = nullptr);
    void setResult(std::shared_ptr<const ComparisonResult> result);
    const ComparisonResult *result() const { return m_result.get(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ComparisonResult> m_result;
};

// The table as the user narrows it: the tensors below one module, and optionally only those that
// differ. Sorts by the numbers behind the text.
class DiffFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DiffFilterModel(QObject *parent = nullptr);
    void setOnlyDifferent(bool only);
    bool onlyDifferent() const { return m_onlyDifferent; }
    // Dotted module path whose subtree is shown; empty for everything.
    void setModulePath(const QString &path);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_onlyDifferent = false;
    QString m_modulePath;
};

} // namespace torchscope
