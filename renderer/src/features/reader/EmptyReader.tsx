import { Icon } from '../../components/Icon';

/** What the reader shows before an article is opened: how to get started. */
export function EmptyReader() {
  return (
    <div className="reader-empty">
      <Icon name="book" size={40} />
      <h1 className="reader-empty-title">Offprint</h1>
      <p>Pick an article from the library, or search everything you have saved.</p>
      <dl className="shortcut-list">
        <div>
          <dt>
            <kbd>/</kbd> or <kbd>Ctrl</kbd> <kbd>K</kbd>
          </dt>
          <dd>Search</dd>
        </div>
        <div>
          <dt>
            <kbd>j</kbd> <kbd>k</kbd>
          </dt>
          <dd>Move through lists</dd>
        </div>
        <div>
          <dt>
            <kbd>Ctrl</kbd> <kbd>F</kbd>
          </dt>
          <dd>Find in the open article</dd>
        </div>
        <div>
          <dt>
            <kbd>Alt</kbd> <kbd>←</kbd> <kbd>→</kbd>
          </dt>
          <dd>Back and forward</dd>
        </div>
      </dl>
    </div>
  );
}
