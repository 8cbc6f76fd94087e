/** Files attached to a unit's result report: checked by their bytes and name, scanned, kept in the database, served back. */
package vn.dondoc.attachment;
